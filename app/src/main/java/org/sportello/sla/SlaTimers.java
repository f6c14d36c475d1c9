package org.sportello.sla;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import org.springframework.stereotype.Component;

/**
 * The {@code sla} bean of the BPMN models: an activity's start listener
 * {@code ${sla.start(execution, backOfficeGroup)}} puts the office's part of the case
 * under its SLA (the clock on the office's calendar, whose steps {@link SlaSweep} takes
 * when due); {@code stop} and {@code pause} end or pause it. The due dates are there for
 * a designer's own timers, for example {@code ${sla.breachAt(execution,
 * backOfficeGroup)}}.
 */
@Component(SlaTimers.BEAN)
public class SlaTimers {

	static final String BEAN = "sla";

	private final SlaClocks clocks;

	private final SlaTargets targets;

	private final Calendars calendars;

	private final java.time.Clock clock;

	SlaTimers(SlaClocks clocks, SlaTargets targets, Calendars calendars, java.time.Clock clock) {
		this.clocks = clocks;
		this.targets = targets;
		this.calendars = calendars;
		this.clock = clock;
	}

	/**
	 * A front-office task without a case (a call-back request): due when the front
	 * office's response target of {@code sla.dmn} runs out, in working time of the
	 * office's calendar, from now.
	 */
	public Date frontOfficeDue(DelegateExecution execution, String officeGroupId) {
		SlaTarget target = this.targets.targetOf("OTHER", "NORMAL", "FRONT_OFFICE");
		return Date
			.from(this.calendars.calendarOf(officeGroupId).addWorkingTime(this.clock.instant(), target.response()));
	}

	/**
	 * Now plus a working time of the office's calendar ({@code PT2H}: two working hours
	 * later, the next morning if the office closes before).
	 */
	public Date afterWorkingTime(DelegateExecution execution, String officeGroupId, String duration) {
		return Date.from(this.calendars.calendarOf(officeGroupId)
			.addWorkingTime(this.clock.instant(), java.time.Duration.parse(duration)));
	}

	/**
	 * The office's part of the case is under its SLA from now: its clock starts (first
	 * task of the office) or resumes (back from waiting for the citizen). In Camunda
	 * Modeler: an execution listener on the start of the office's activity.
	 */
	public void start(DelegateExecution execution, String officeGroupId) {
		deadlines(execution, officeGroupId);
	}

	/** When the office's task is flagged (warning threshold). */
	public Date warningAt(DelegateExecution execution, String officeGroupId) {
		return Date.from(deadlines(execution, officeGroupId).warningAt());
	}

	/** When the office's target is breached (level-1 escalation). */
	public Date breachAt(DelegateExecution execution, String officeGroupId) {
		return Date.from(deadlines(execution, officeGroupId).breachAt());
	}

	/** When the case goes to the network hub (level-2 escalation). */
	public Date level2At(DelegateExecution execution, String officeGroupId) {
		return Date.from(deadlines(execution, officeGroupId).level2At());
	}

	/**
	 * The office's leg ended without a task of ours (another installation answered): its
	 * clock stops as when a task is completed.
	 */
	public void stop(DelegateExecution execution, String officeGroupId) {
		String caseId = caseId(execution);
		if (caseId != null) {
			this.clocks.officeTaskEnded(caseId, officeGroupId);
		}
	}

	/** The office now waits for the citizen: its clock pauses. */
	public void pause(DelegateExecution execution, String officeGroupId) {
		String caseId = caseId(execution);
		if (caseId != null) {
			this.clocks.officeWaiting(caseId, officeGroupId);
		}
	}

	private Deadlines deadlines(DelegateExecution execution, String officeGroupId) {
		String caseId = caseId(execution);
		if (caseId == null) {
			throw new IllegalStateException("SLA timers need the process variable caseId");
		}
		Object priority = execution.getVariable("priority");
		return this.clocks.officeDeadlines(caseId, officeGroupId, (priority != null) ? priority.toString() : null);
	}

	static String caseId(DelegateExecution execution) {
		Object id = execution.getVariable("caseId");
		return (id != null) ? id.toString() : null;
	}

}
