package org.sportello.sla;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sportello.cases.Cases;
import org.sportello.cases.TimelineEvent.EventType;
import org.sportello.directory.Directory;
import org.sportello.directory.Office;
import org.sportello.notify.InAppNotification.Kind;
import org.sportello.notify.InAppNotifications;
import org.sportello.security.Roles;

import org.springframework.stereotype.Component;

/**
 * The {@code slaEscalation} bean of the BPMN models, called from the paths of the SLA
 * boundary timers: warning (task flagged, assignee or office told), level 1 (the office's
 * supervisors become candidates, priority raised, supervisors told) and level 2 (the
 * network hub becomes candidate and may reassign). Each step happens once per office and
 * case: a repeated timer (after a pause) finds it done and does nothing. Each step is on
 * the case's timeline. Everything is written in the job's transaction.
 */
@Component("slaEscalation")
public class SlaEscalation {

	/** Task priority of level-1 escalated tasks (HIGH cases are 75, others 50). */
	static final int LEVEL1_PRIORITY = 90;

	/** Task priority of level-2 escalated tasks. */
	static final int LEVEL2_PRIORITY = 100;

	private static final String OFFICE_TASKS_OF_INSTANCE = "SELECT T.* FROM ACT_RU_TASK T "
			+ "WHERE T.PROC_INST_ID_ = #{processInstance} AND EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK L "
			+ "WHERE L.TASK_ID_ = T.ID_ AND L.TYPE_ = 'candidate' AND L.GROUP_ID_ = #{office})";

	private static final Logger log = LoggerFactory.getLogger(SlaEscalation.class);

	private final SlaClocks clocks;

	private final Cases cases;

	private final Directory directory;

	private final InAppNotifications notifications;

	private final TaskService tasks;

	private final org.springframework.context.ApplicationEventPublisher events;

	SlaEscalation(SlaClocks clocks, Cases cases, Directory directory, InAppNotifications notifications,
			TaskService tasks, org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.clocks = clocks;
		this.cases = cases;
		this.directory = directory;
		this.notifications = notifications;
		this.tasks = tasks;
	}

	public void warn(DelegateExecution execution, String officeGroupId) {
		String caseId = SlaTimers.caseId(execution);
		if (caseId == null || !this.clocks.markWarned(caseId, officeGroupId)) {
			return;
		}
		String detail = SlaNotice.warning(this.clocks.leftFor(caseId, officeGroupId));
		List<Task> open = openTasks(execution, officeGroupId);
		for (Task task : open) {
			if (task.getAssignee() != null) {
				this.notifications.toUser(task.getAssignee(), caseId, Kind.SLA_WARNING, detail);
			}
		}
		if (open.stream().allMatch((task) -> task.getAssignee() == null)) {
			this.notifications.toGroup(officeGroupId, caseId, Kind.SLA_WARNING, detail);
		}
		this.cases.internalEvent(caseId, EventType.SLA_WARNING, officeGroupId, detail);
	}

	public void escalate(DelegateExecution execution, String officeGroupId) {
		String caseId = SlaTimers.caseId(execution);
		if (caseId == null || !this.clocks.markEscalated(caseId, officeGroupId, 1)) {
			return;
		}
		String supervisors = this.directory.office(officeGroupId).map(Office::supervisorGroup).orElse(null);
		if (supervisors == null) {
			supervisors = Roles.SUPERVISOR;
		}
		String detail = SlaNotice.firstLevel(supervisors);
		raise(execution, officeGroupId, supervisors, 1, LEVEL1_PRIORITY);
		this.notifications.toGroup(supervisors, caseId, Kind.SLA_ESCALATED, detail);
		this.cases.internalEvent(caseId, EventType.SLA_ESCALATED, officeGroupId, detail);
	}

	public void escalateToHub(DelegateExecution execution, String officeGroupId) {
		String caseId = SlaTimers.caseId(execution);
		if (caseId == null || !this.clocks.markEscalated(caseId, officeGroupId, 2)) {
			return;
		}
		Office hub = this.directory.hubOffice().orElse(null);
		if (hub == null) {
			log.warn("SLA level 2 for case {} at {}: the network has no hub office", caseId, officeGroupId);
			return;
		}
		String detail = SlaNotice.secondLevel(hub.groupId());
		raise(execution, officeGroupId, hub.groupId(), 2, LEVEL2_PRIORITY);
		this.notifications.toGroup(hub.groupId(), caseId, Kind.SLA_ESCALATED, detail);
		this.cases.internalEvent(caseId, EventType.SLA_ESCALATED, officeGroupId, detail);
	}

	private void raise(DelegateExecution execution, String officeGroupId, String group, int level, int priority) {
		for (Task task : openTasks(execution, officeGroupId)) {
			this.tasks.addCandidateGroup(task.getId(), group);
			this.events.publishEvent(new SlaEscalated(task.getId(), group, level));
			if (task.getPriority() < priority) {
				this.tasks.setPriority(task.getId(), priority);
			}
		}
	}

	/**
	 * The case's tasks offered to the office, claimed or not. A native query: Camunda's
	 * TaskQuery builds its SQL from a large dynamic mapping, and that took 30 % of the
	 * job threads' CPU during a peak of escalations (issue #19, W3).
	 */
	private List<Task> openTasks(DelegateExecution execution, String officeGroupId) {
		return this.tasks.createNativeTaskQuery()
			.sql(OFFICE_TASKS_OF_INSTANCE)
			.parameter("processInstance", execution.getProcessInstanceId())
			.parameter("office", officeGroupId)
			.list();
	}

}
