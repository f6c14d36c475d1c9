package org.sportello.sla;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

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

	private static final String OFFICE_TASK = "SELECT T.* FROM ACT_RU_TASK T WHERE T.ID_ = #{taskId} "
			+ "AND EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK L "
			+ "WHERE L.TASK_ID_ = #{taskId} AND L.TYPE_ = 'candidate' AND L.GROUP_ID_ = #{office})";

	private static final Logger log = LoggerFactory.getLogger(SlaEscalation.class);

	private final SlaClocks clocks;

	private final Cases cases;

	private final Directory directory;

	private final InAppNotifications notifications;

	private final TaskService tasks;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final SlaClockMapper clockMapper;

	private final TaskRaises raises;

	SlaEscalation(SlaClocks clocks, SlaClockMapper clockMapper, Cases cases, Directory directory,
			InAppNotifications notifications, TaskService tasks, TaskRaises raises,
			org.springframework.context.ApplicationEventPublisher events) {
		this.clockMapper = clockMapper;
		this.raises = raises;
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
		raisingAtOnce(execution, (caseId, raises) -> escalate(caseId, officeGroupId, raises));
	}

	public void escalateToHub(DelegateExecution execution, String officeGroupId) {
		raisingAtOnce(execution, (caseId, raises) -> escalateToHub(caseId, officeGroupId, raises));
	}

	/**
	 * A step a boundary timer calls: on the execution's case, its tasks raised at once
	 * (the sweep gathers a batch's raises instead).
	 */
	private void raisingAtOnce(DelegateExecution execution, BiConsumer<String, List<TaskRaises.Raise>> step) {
		String caseId = SlaTimers.caseId(execution);
		if (caseId != null) {
			List<TaskRaises.Raise> raises = new ArrayList<>();
			step.accept(caseId, raises);
			this.raises.apply(raises);
		}
	}

	/**
	 * The warning, once. A warning whose moment passed unseen until the target itself ran
	 * out (an outage, a clock jump) is recorded as given and tells nobody: "no time left"
	 * says nothing the escalation, due as well, does not.
	 */
	void warn(String caseId, String officeGroupId) {
		if (!this.clocks.markWarned(caseId, officeGroupId)) {
			return;
		}
		Duration left = this.clocks.leftFor(caseId, officeGroupId);
		if (left.isZero()) {
			return;
		}
		String detail = SlaNotice.warning(left);
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

	/**
	 * Level 1; the tasks to raise are added to {@code raises}, for the caller to apply
	 * with others in one engine command ({@link TaskRaises}).
	 */
	void escalate(String caseId, String officeGroupId, List<TaskRaises.Raise> raises) {
		if (!this.clocks.markEscalated(caseId, officeGroupId, 1)) {
			return;
		}
		String supervisors = this.directory.office(officeGroupId).map(Office::supervisorGroup).orElse(null);
		if (supervisors == null) {
			supervisors = Roles.SUPERVISOR;
		}
		String detail = SlaNotice.firstLevel(supervisors);
		raise(caseId, officeGroupId, supervisors, 1, LEVEL1_PRIORITY, raises);
		this.notifications.toGroup(supervisors, caseId, Kind.SLA_ESCALATED, detail);
		this.cases.internalEvent(caseId, EventType.SLA_ESCALATED, officeGroupId, detail);
	}

	/** Level 2; the tasks to raise are added to {@code raises}, as for level 1. */
	void escalateToHub(String caseId, String officeGroupId, List<TaskRaises.Raise> raises) {
		if (!this.clocks.markEscalated(caseId, officeGroupId, 2)) {
			return;
		}
		Office hub = this.directory.hubOffice().orElse(null);
		if (hub == null) {
			log.warn("SLA level 2 for case {} at {}: the network has no hub office", caseId, officeGroupId);
			return;
		}
		String detail = SlaNotice.secondLevel(hub.groupId());
		raise(caseId, officeGroupId, hub.groupId(), 2, LEVEL2_PRIORITY, raises);
		this.notifications.toGroup(hub.groupId(), caseId, Kind.SLA_ESCALATED, detail);
		this.cases.internalEvent(caseId, EventType.SLA_ESCALATED, officeGroupId, detail);
	}

	private void raise(String caseId, String officeGroupId, String group, int level, int priority,
			List<TaskRaises.Raise> raises) {
		for (Task task : openTasks(caseId, officeGroupId)) {
			raises.add(new TaskRaises.Raise(task.getId(), group, priority));
			this.events.publishEvent(new SlaEscalated(task.getId(), group, level));
		}
	}

	/**
	 * The case's tasks offered to the office, claimed or not: the task projection knows
	 * the case's tasks, then each is read by its key. Native queries: Camunda's TaskQuery
	 * builds its SQL from a large dynamic mapping, which took 30 % of the job threads'
	 * CPU during a peak of escalations (issue #19, W3); and one query joining our table
	 * to the engine's scanned the engine's tables on MariaDB, whose character sets
	 * differ.
	 */
	private List<Task> openTasks(String caseId, String officeGroupId) {
		List<Task> open = new ArrayList<>();
		for (String taskId : this.clockMapper.taskIdsOf(caseId)) {
			open.addAll(this.tasks.createNativeTaskQuery()
				.sql(OFFICE_TASK)
				.parameter("taskId", taskId)
				.parameter("office", officeGroupId)
				.list());
		}
		return open;
	}

}
