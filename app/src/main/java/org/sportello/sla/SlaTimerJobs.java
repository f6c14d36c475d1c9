package org.sportello.sla;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;

import org.springframework.stereotype.Component;

/**
 * Re-evaluates the due dates of a case's SLA timers (after a calendar change). SLA timers
 * are the boundary timers whose date expression asks the {@code sla} bean; other timers a
 * designer adds are left alone.
 */
@Component
class SlaTimerJobs {

	private final RuntimeService runtime;

	private final ManagementService management;

	private final RepositoryService repository;

	private final Map<String, Set<String>> slaTimersByDefinition = new ConcurrentHashMap<>();

	SlaTimerJobs(RuntimeService runtime, ManagementService management, RepositoryService repository) {
		this.runtime = runtime;
		this.management = management;
		this.repository = repository;
	}

	void recalculate(String trackingCode) {
		for (ProcessInstance instance : this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(trackingCode)
			.active()
			.list()) {
			for (String activityId : slaTimersOf(instance.getProcessDefinitionId())) {
				for (Job job : this.management.createJobQuery()
					.processInstanceId(instance.getId())
					.activityId(activityId)
					.timers()
					.list()) {
					this.management.recalculateJobDuedate(job.getId(), false);
				}
			}
		}
	}

	private Set<String> slaTimersOf(String processDefinitionId) {
		return this.slaTimersByDefinition.computeIfAbsent(processDefinitionId,
				(id) -> this.repository.getBpmnModelInstance(id)
					.getModelElementsByType(BoundaryEvent.class)
					.stream()
					.filter((event) -> event.getEventDefinitions()
						.stream()
						.filter(TimerEventDefinition.class::isInstance)
						.map((definition) -> ((TimerEventDefinition) definition).getTimeDate())
						.anyMatch((date) -> isSlaExpression(date)))
					.map(BoundaryEvent::getId)
					.collect(Collectors.toUnmodifiableSet()));
	}

	static boolean isSlaExpression(TimeDate date) {
		return date != null && date.getTextContent() != null
				&& date.getTextContent().replace(" ", "").contains("${" + SlaTimers.BEAN + ".");
	}

}
