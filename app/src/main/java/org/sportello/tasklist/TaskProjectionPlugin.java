package org.sportello.tasklist;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.sportello.InTransaction;
import org.sportello.cases.Cases;
import org.sportello.engine.UserTaskListeners;
import org.sportello.sla.SlaClocks;
import org.sportello.sla.SlaDeadlineChanged;
import org.sportello.sla.SlaStatus;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Records which case (or, without a case, which subject) and office each user task
 * belongs to (spt_task) when the task is created, and forgets it when the task ends, in
 * the engine's transaction; then tells the open inboxes (after commit). Attached while
 * parsing, so Modeler deployments get it too.
 */
@Component
class TaskProjectionPlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<TaskMapper> tasks;

	private final ObjectProvider<TaskEvents> events;

	private final ObjectProvider<SlaClocks> sla;

	private final ObjectProvider<Cases> cases;

	private final org.springframework.context.ApplicationEventPublisher publisher;

	TaskProjectionPlugin(ObjectProvider<TaskMapper> tasks, ObjectProvider<TaskEvents> events,
			ObjectProvider<SlaClocks> sla, ObjectProvider<Cases> cases,
			org.springframework.context.ApplicationEventPublisher publisher) {
		this.tasks = tasks;
		this.events = events;
		this.sla = sla;
		this.cases = cases;
		this.publisher = publisher;
	}

	/**
	 * Tasks without an SLA clock sort after every deadline (see V10__task_sla_due.sql).
	 */
	static final Instant NO_DEADLINE = java.time.LocalDateTime.of(2037, 12, 31, 0, 0)
		.atZone(java.time.ZoneId.systemDefault())
		.toInstant();

	/** An escalation offered the task to another group: its inbox shows it too. */
	@org.springframework.context.event.EventListener
	void escalated(org.sportello.sla.SlaEscalated escalation) {
		this.tasks.getObject().addCandidate(escalation.taskId(), escalation.group());
	}

	/** An office's deadline moved (calendar change, resume): the inbox order follows. */
	@org.springframework.context.event.EventListener
	void deadlineChanged(SlaDeadlineChanged change) {
		java.util.Map<String, Boolean> written = InTransaction.map(TASKS_WRITTEN);
		if (written != null && !written.containsKey(change.caseId())
				&& this.cases.getObject().openedInThisTransaction(change.caseId())) {
			// the clock of a case opened in this transaction starts before its first task
			// exists, and that task is written with the clock's deadline
			return;
		}
		this.tasks.getObject()
			.updateSlaDue(change.caseId(), change.officeGroupId(),
					(change.breachAt() != null) ? change.breachAt() : NO_DEADLINE);
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		UserTaskListeners.register(configuration, (task) -> {
			task.addTaskListener(TaskListener.EVENTNAME_CREATE, TaskProjectionPlugin.this::created);
			task.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, (delegate) -> {
				boolean delegated = delegate instanceof org.camunda.bpm.engine.impl.persistence.entity.TaskEntity entity
						&& entity.getDelegationState() == org.camunda.bpm.engine.task.DelegationState.PENDING;
				TaskProjectionPlugin.this.tasks.getObject()
					.updateAssignee(delegate.getId(), delegate.getAssignee(), delegated);
				TaskProjectionPlugin.this.events.getObject().changed(delegate, null);
			});
			TaskListener ended = (delegate) -> {
				TaskProjectionPlugin.this.tasks.getObject().deleteCandidates(delegate.getId());
				TaskProjectionPlugin.this.tasks.getObject().delete(delegate.getId());
				TaskProjectionPlugin.this.events.getObject().changed(delegate, null);
			};
			task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, ended);
			task.addTaskListener(TaskListener.EVENTNAME_DELETE, ended);
		});
	}

	private void created(DelegateTask delegate) {
		// the process's variables: a task just created has none of its own, and asking
		// the task would query for them
		VariableScope scope = (delegate.getExecution() != null) ? delegate.getExecution() : delegate;
		Object caseId = scope.getVariable("caseId");
		// a process without a case (article reviews) names what its tasks are about
		Object subject = (caseId == null) ? scope.getVariable("subject") : null;
		if (caseId == null && subject == null) {
			return;
		}
		String office = delegate.getCandidates()
			.stream()
			.map((link) -> link.getGroupId())
			.filter((group) -> group != null)
			.findFirst()
			.orElse(null);
		// the office's SLA clock started (or resumed) with the task's timers, just before
		Instant due = (office != null && caseId != null)
				? this.sla.getObject().officeStatus(caseId.toString(), office).map(SlaStatus::breachAt).orElse(null)
				: null;
		java.util.Map<String, Boolean> written = InTransaction.map(TASKS_WRITTEN);
		if (written != null && caseId != null) {
			written.put(caseId.toString(), Boolean.TRUE);
		}
		this.tasks.getObject()
			.insert(delegate.getId(), (caseId != null) ? caseId.toString() : null,
					(subject != null) ? shortened(subject.toString()) : null, office,
					delegate.getCreateTime().toInstant(), (due != null) ? due : NO_DEADLINE, delegate.getAssignee());
		this.events.getObject().changed(delegate, office);
		if (caseId != null && office != null) {
			// the distribution of front-office work may move it at once (same
			// transaction)
			this.publisher.publishEvent(new TaskQueued(delegate, caseId.toString(), office));
		}
	}

	/** The cases this transaction wrote a task row of. */
	private static final Object TASKS_WRITTEN = TaskProjectionPlugin.class.getName() + ".tasksWritten";

	private static String shortened(String subject) {
		return (subject.length() <= 200) ? subject : subject.substring(0, 199) + "…";
	}

}
