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
 * The SLA's steps on an office's part of a case: warning (task flagged, assignee or
 * office told), level 1 (the office's supervisors become candidates, priority raised,
 * supervisors told) and level 2 (the network hub becomes candidate and may reassign).
 * {@link SlaSweep} takes them when the office's clock says they are due; as the
 * {@code slaEscalation} bean they also serve the boundary timers of process versions
 * deployed before the sweep (and a designer's own timers). Each step happens once per
 * office and case: a second call finds it done and does nothing. Each step is on the
 * case's timeline. Everything is written in the caller's transaction.
 */
@Component("slaEscalation")
public class SlaEscalation {

	/** Task priority of level-1 escalated tasks (HIGH cases are 75, others 50). */
	static final int LEVEL1_PRIORITY = 90;

	/** Task priority of level-2 escalated tasks. */
	static final int LEVEL2_PRIORITY = 100;

	private static final String OFFICE_TASKS_OF_CASE = "SELECT T.* FROM ACT_RU_TASK T "
			+ "WHERE T.ID_ IN (SELECT S.task_id FROM spt_task S WHERE S.case_id = #{caseId}) "
			+ "AND EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK L "
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
		if (caseId != null) {
			warn(caseId, officeGroupId);
		}
	}

	public void escalate(DelegateExecution execution, String officeGroupId) {
		String caseId = SlaTimers.caseId(execution);
		if (caseId != null) {
			escalate(caseId, officeGroupId);
		}
	}

	public void escalateToHub(DelegateExecution execution, String officeGroupId) {
		String caseId = SlaTimers.caseId(execution);
		if (caseId != null) {
			escalateToHub(caseId, officeGroupId);
		}
	}

	void warn(String caseId, String officeGroupId) {
		if (!this.clocks.markWarned(caseId, officeGroupId)) {
			return;
		}
		String detail = SlaNotice.warning(this.clocks.leftFor(caseId, officeGroupId));
		List<Task> open = openTasks(caseId, officeGroupId);
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

	void escalate(String caseId, String officeGroupId) {
		if (!this.clocks.markEscalated(caseId, officeGroupId, 1)) {
			return;
		}
		String supervisors = this.directory.office(officeGroupId).map(Office::supervisorGroup).orElse(null);
		if (supervisors == null) {
			supervisors = Roles.SUPERVISOR;
		}
		String detail = SlaNotice.firstLevel(supervisors);
		raise(caseId, officeGroupId, supervisors, 1, LEVEL1_PRIORITY);
		this.notifications.toGroup(supervisors, caseId, Kind.SLA_ESCALATED, detail);
		this.cases.internalEvent(caseId, EventType.SLA_ESCALATED, officeGroupId, detail);
	}

	void escalateToHub(String caseId, String officeGroupId) {
		if (!this.clocks.markEscalated(caseId, officeGroupId, 2)) {
			return;
		}
		Office hub = this.directory.hubOffice().orElse(null);
		if (hub == null) {
			log.warn("SLA level 2 for case {} at {}: the network has no hub office", caseId, officeGroupId);
			return;
		}
		String detail = SlaNotice.secondLevel(hub.groupId());
		raise(caseId, officeGroupId, hub.groupId(), 2, LEVEL2_PRIORITY);
		this.notifications.toGroup(hub.groupId(), caseId, Kind.SLA_ESCALATED, detail);
		this.cases.internalEvent(caseId, EventType.SLA_ESCALATED, officeGroupId, detail);
	}

	private void raise(String caseId, String officeGroupId, String group, int level, int priority) {
		for (Task task : openTasks(caseId, officeGroupId)) {
			this.tasks.addCandidateGroup(task.getId(), group);
			this.events.publishEvent(new SlaEscalated(task.getId(), group, level));
			if (task.getPriority() < priority) {
				this.tasks.setPriority(task.getId(), priority);
			}
		}
	}

	/**
	 * The case's tasks offered to the office, claimed or not (the task projection knows a
	 * task's case). A native query: Camunda's TaskQuery builds its SQL from a large
	 * dynamic mapping, and that took 30 % of the job threads' CPU during a peak of
	 * escalations (issue #19, W3).
	 */
	private List<Task> openTasks(String caseId, String officeGroupId) {
		return this.tasks.createNativeTaskQuery()
			.sql(OFFICE_TASKS_OF_CASE)
			.parameter("caseId", caseId)
			.parameter("office", officeGroupId)
			.list();
	}

}
