package org.sportello.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sportello.cases.Channel;
import org.sportello.cases.OpenedCase;
import org.sportello.intake.IntakeRequest;
import org.sportello.intake.IntakeService;
import org.sportello.support.H2ApplicationTest;
import org.sportello.tasklist.BackOfficeActions;
import org.sportello.tasklist.BackOfficeOutcome;
import org.sportello.support.TestClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SLA clocks of real cases in the application, on business time: the engine's clock is
 * moved (ClockUtil) and the due timers are run as the job executor would, never slept
 * for. Cases are opened on Monday 23 November 2026 09:00 in Rome; INPS works on the
 * network default calendar (Mon-Fri 09:00-17:30, 8.5 working hours a day) and an external
 * back office promises 40 working hours (warning at 75 %, level 2 after 16 more hours;
 * decisions/sla.dmn).
 */
@H2ApplicationTest
class SlaLifecycleTests {

	static final ZoneId ROME = ZoneId.of("Europe/Rome");

	static final Instant MONDAY_0900 = rome(2026, 11, 23, 9, 0);

	@Autowired
	IntakeService intake;

	@Autowired
	org.sportello.documents.CitizenReplies replies;

	@Autowired
	BackOfficeActions backOffice;

	@Autowired
	SlaClocks clocks;

	@Autowired
	Calendars calendars;

	@Autowired
	org.sportello.sla.SlaSweep sweep;

	@Autowired
	RuntimeService runtime;

	@Autowired
	org.camunda.bpm.engine.RepositoryService repository;

	@Autowired
	ManagementService management;

	@Autowired
	TaskService tasks;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.sportello.tasklist.Inbox inbox;

	@AfterEach
	void realTimeAgain() {
		TestClock.reset();
	}

	@Test
	void backOfficeIsWarnedThenEscalatedToSupervisorsThenToTheHubOnceEachAtTheRightBusinessTime() {
		OpenedCase opened = forwardedAt(MONDAY_0900, "PENSION");
		String caseId = opened.caseId();

		// 30 h (75 % of 40): Mon, Tue, Wed 8.5 h each, then 4.5 h on Thursday
		Instant warning = rome(2026, 11, 26, 13, 30);
		// 40 h: four full days and 6 h on Friday
		Instant breach = rome(2026, 11, 27, 15, 0);
		// 56 h: 2.5 h more on Friday, Monday, 5 h on Tuesday
		Instant level2 = rome(2026, 12, 1, 14, 0);
		assertThat(timers().dueDates(opened.trackingCode())).containsExactlyInAnyOrder(warning, breach, level2);
		assertThat(this.clocks.officeStatus(caseId, "inps-bo").orElseThrow().state()).isEqualTo(SlaState.ON_TRACK);

		moveTo(warning.minusSeconds(1));
		assertThat(timers().fireDue(opened.trackingCode())).isZero();
		moveTo(warning);
		assertThat(timers().fireDue(opened.trackingCode())).isOne();
		SlaStatus atRisk = this.clocks.officeStatus(caseId, "inps-bo").orElseThrow();
		assertThat(atRisk.state()).isEqualTo(SlaState.AT_RISK);
		assertThat(atRisk.used()).isEqualTo(Duration.ofHours(30));
		assertThat(atRisk.left()).isEqualTo(Duration.ofHours(10));
		assertThat(notifications(caseId, "SLA_WARNING")).containsExactly("group inps-bo");

		moveTo(breach);
		assertThat(timers().fireDue(opened.trackingCode())).isOne();
		Task task = workTask(opened);
		assertThat(candidateGroups(task)).contains("inps-bo", "supervisor");
		assertThat(task.getPriority()).isEqualTo(SlaEscalation.LEVEL1_PRIORITY);
		assertThat(this.clocks.officeStatus(caseId, "inps-bo").orElseThrow().state()).isEqualTo(SlaState.BREACHED);
		assertThat(notifications(caseId, "SLA_ESCALATED")).containsExactly("group supervisor");
		// the supervisors find it in their inbox
		assertThat(this.inbox.page(org.sportello.tasklist.InboxTab.OFFICES, "supervisor1",
				org.sportello.tasklist.InboxFilter.none(), org.sportello.tasklist.InboxSort.SLA, 0, 500))
			.extracting(org.sportello.tasklist.InboxItem::taskId)
			.contains(task.getId());

		moveTo(level2);
		assertThat(timers().fireDue(opened.trackingCode())).isOne();
		task = workTask(opened);
		assertThat(candidateGroups(task)).contains("inps-bo", "supervisor", "linea-amica-hub");
		assertThat(task.getPriority()).isEqualTo(SlaEscalation.LEVEL2_PRIORITY);

		moveTo(level2.plus(Duration.ofDays(14)));
		assertThat(timers().fireDue(opened.trackingCode())).isZero();
		assertThat(timeline(caseId, "SLA_WARNING")).isOne();
		assertThat(timeline(caseId, "SLA_ESCALATED")).isEqualTo(2);
		assertThat(this.clocks.officeStatus(caseId, "inps-bo").orElseThrow().escalationLevel()).isEqualTo(2);

		this.backOffice.decide(opened.trackingCode(), "bo-inps", BackOfficeOutcome.ANSWER, "Pensione liquidata", null);
		assertThat(this.clocks.officeStatus(caseId, "inps-bo").orElseThrow().state()).isEqualTo(SlaState.BREACHED);
		assertThat(this.clocks.caseStatus(caseId).orElseThrow().state()).isEqualTo(SlaState.BREACHED);
		assertThat(timerCount(opened)).isZero();
	}

	@Test
	void aWarningFoundOnlyAfterTheBreachIsRecordedButOnlyTheEscalationIsSent() {
		OpenedCase opened = forwardedAt(MONDAY_0900, "PENSION");
		String caseId = opened.caseId();

		// nothing swept between the warning (Thursday 13:30) and the breach (Friday
		// 15:00), as after an outage
		moveTo(rome(2026, 11, 27, 15, 30));
		assertThat(timers().fireDue(opened.trackingCode())).isEqualTo(2);

		assertThat(timeline(caseId, "SLA_WARNING")).isZero();
		assertThat(notifications(caseId, "SLA_WARNING")).isEmpty();
		assertThat(timeline(caseId, "SLA_ESCALATED")).isOne();
		assertThat(notifications(caseId, "SLA_ESCALATED")).containsExactly("group supervisor");
		assertThat(this.clocks.officeStatus(caseId, "inps-bo").orElseThrow().state()).isEqualTo(SlaState.BREACHED);
		// the step is taken: nothing more falls due until level 2
		assertThat(timers().fireDue(opened.trackingCode())).isZero();
		assertThat(timers().slaDueDates(opened.trackingCode())).containsExactly(rome(2026, 12, 1, 14, 0));
	}

	@Test
	void clockPausesWhileWaitingForTheCitizenAndResumesWithTheBudgetLeft() {
		OpenedCase opened = forwardedAt(MONDAY_0900, "PENSION");
		String caseId = opened.caseId();

		moveTo(rome(2026, 11, 23, 13, 0));
		this.backOffice.decide(opened.trackingCode(), "bo-inps", new BackOfficeActions.Decision(
				BackOfficeOutcome.REQUEST_INFO, "Serve il modello AP70", null, List.of("SIGNED_FORM"), 20));
		SlaStatus paused = this.clocks.officeStatus(caseId, "inps-bo").orElseThrow();
		assertThat(paused.state()).isEqualTo(SlaState.PAUSED);
		assertThat(paused.used()).isEqualTo(Duration.ofHours(4));
		assertThat(this.clocks.caseStatus(caseId).orElseThrow().state()).isEqualTo(SlaState.PAUSED);
		// no SLA timer while waiting: only the request's reminder and due date (20
		// working
		// days: the last is Tuesday 22 December, the 8th being a holiday)
		assertThat(timers().dueDates(opened.trackingCode())).containsExactlyInAnyOrder(rome(2026, 12, 21, 10, 0),
				rome(2026, 12, 23, 0, 0));

		// two weeks later nothing has fired and no time was used
		Instant reply = rome(2026, 12, 7, 9, 0);
		moveTo(reply);
		assertThat(timers().fireDue(opened.trackingCode())).isZero();
		assertThat(this.clocks.officeStatus(caseId, "inps-bo").orElseThrow().used()).isEqualTo(Duration.ofHours(4));

		this.replies.reply(opened.trackingCode(), "Modello AP70 consegnato allo sportello", java.util.List.of(), "fo1");
		SlaStatus resumed = this.clocks.officeStatus(caseId, "inps-bo").orElseThrow();
		assertThat(resumed.state()).isEqualTo(SlaState.ON_TRACK);
		assertThat(resumed.left()).isEqualTo(Duration.ofHours(36));
		// 36 h left from Monday 7 December; the 8th (Immacolata) is a holiday
		assertThat(resumed.breachAt()).isEqualTo(rome(2026, 12, 14, 11, 0));
		assertThat(timers().dueDates(opened.trackingCode())).contains(rome(2026, 12, 11, 9, 30),
				rome(2026, 12, 14, 11, 0));
		assertThat(this.clocks.caseStatus(caseId).orElseThrow().state()).isEqualTo(SlaState.ON_TRACK);
	}

	@Test
	void caseAnsweredBeforeItsDeadlinesFiresNothingAndMeetsItsTargets() {
		OpenedCase opened = forwardedAt(MONDAY_0900, "PENSION");

		moveTo(rome(2026, 11, 24, 11, 0));
		this.backOffice.decide(opened.trackingCode(), "bo-inps", BackOfficeOutcome.ANSWER, "Domanda accolta", null);

		assertThat(timerCount(opened)).isZero();
		SlaStatus office = this.clocks.officeStatus(opened.caseId(), "inps-bo").orElseThrow();
		assertThat(office.state()).isEqualTo(SlaState.MET);
		assertThat(office.used()).isEqualTo(Duration.ofMinutes(8 * 60 + 30 + 2 * 60));
		assertThat(office.responded()).isTrue();
		assertThat(office.responseLate()).isTrue();
		assertThat(this.clocks.caseStatus(opened.caseId()).orElseThrow().state()).isEqualTo(SlaState.MET);
		assertThat(timeline(opened.caseId(), "SLA_WARNING") + timeline(opened.caseId(), "SLA_ESCALATED")).isZero();
	}

	@Test
	void transferStartsTheNewAdministrationsClockWhileTheCaseClockKeepsRunning() {
		OpenedCase opened = forwardedAt(MONDAY_0900, "LOCAL_TAX");
		String caseId = opened.caseId();

		moveTo(rome(2026, 11, 23, 11, 0));
		this.backOffice.decide(opened.trackingCode(), "bo-comune", BackOfficeOutcome.TRANSFER,
				"Competenza INPS per la sospensione", "INPS");

		assertThat(this.clocks.officeStatus(caseId, "comune-aq-bo").orElseThrow().state()).isEqualTo(SlaState.MET);
		SlaStatus inps = this.clocks.officeStatus(caseId, "inps-bo").orElseThrow();
		assertThat(inps.state()).isEqualTo(SlaState.ON_TRACK);
		assertThat(inps.used()).isZero();
		// 40 h from Monday 11:00: 6.5 h, three full days, 8 h on Friday
		assertThat(inps.breachAt()).isEqualTo(rome(2026, 11, 27, 17, 0));
		moveTo(rome(2026, 11, 23, 12, 0));
		SlaStatus kase = this.clocks.caseStatus(caseId).orElseThrow();
		assertThat(kase.used()).isEqualTo(Duration.ofHours(3));
		assertThat(kase.officeGroupId()).isNull();
		assertThat(kase.administrationCode()).isEqualTo("INPS");
	}

	@Test
	void calendarChangeMovesRunningDeadlinesAndBadCalendarsChangeNothing() {
		OpenedCase opened = forwardedAt(MONDAY_0900, "SCHOOL_BUILDINGS");
		assertThat(timers().dueDates(opened.trackingCode())).contains(rome(2026, 11, 27, 15, 0));
		// a designer's own timer on the same case reads the office's breach from the sla
		// bean, as Camunda Modeler writes it
		String designersTimer = designersTimerOn(opened, "provincia-aq-bo");
		assertThat(timerDueDate(designersTimer)).isEqualTo(rome(2026, 11, 27, 15, 0));
		CalendarDefinition before = this.calendars.effectiveDefinition("provincia-aq-bo");

		Map<DayOfWeek, String> overlapping = weekdays("08:00-14:00, 13:00-15:00");
		assertThatThrownBy(() -> this.calendars.save(definition(overlapping, 0), "admin"))
			.isInstanceOf(InvalidCalendarException.class)
			.hasMessageContaining("overlap");
		assertThatThrownBy(() -> this.calendars.save(new CalendarDefinition("provincia-aq-bo", "Europe/Atlantis",
				CalendarDefinition.parseWeek(weekdays("08:00-14:00")), null, List.of(), 0), "admin"))
			.isInstanceOf(InvalidCalendarException.class)
			.hasMessageContaining("Europe/Atlantis");
		assertThatThrownBy(() -> CalendarDefinition.parseHours("14:00-08:00"))
			.isInstanceOf(InvalidCalendarException.class);
		assertThat(this.calendars.ownDefinition("provincia-aq-bo")).isEmpty();
		assertThat(this.calendars.effectiveDefinition("provincia-aq-bo")).isEqualTo(before);
		assertThat(timers().dueDates(opened.trackingCode())).contains(rome(2026, 11, 27, 15, 0));

		// 08:00-14:00: Monday 09:00-14:00 is 5 h, then 6 h a day: 40 h on Tuesday 1
		// December at 13:00
		CalendarDefinition saved = this.calendars.save(definition(weekdays("08:00-14:00"), 0), "admin");
		assertThat(saved.version()).isOne();
		assertThat(timers().dueDates(opened.trackingCode())).contains(rome(2026, 12, 1, 13, 0));
		assertThat(timerDueDate(designersTimer)).isEqualTo(rome(2026, 12, 1, 13, 0));
		String definition = this.runtime.createProcessInstanceQuery()
			.processInstanceId(designersTimer)
			.singleResult()
			.getProcessDefinitionId();
		this.repository.deleteDeployment(this.repository.getProcessDefinition(definition).getDeploymentId(), true);
		assertThat(this.clocks.officeStatus(opened.caseId(), "provincia-aq-bo").orElseThrow().breachAt())
			.isEqualTo(rome(2026, 12, 1, 13, 0));
		// and the inbox orders the task by the new deadline
		assertThat(this.jdbc
			.queryForObject("SELECT sla_due FROM spt_task WHERE case_id = ?", java.sql.Timestamp.class, opened.caseId())
			.toInstant()).isEqualTo(rome(2026, 12, 1, 13, 0));

		// someone else's save in between: refused, nothing changes
		assertThatThrownBy(() -> this.calendars.save(definition(weekdays("07:00-13:00"), 0), "admin"))
			.isInstanceOf(CalendarChangedException.class);
		assertThat(this.calendars.ownDefinition("provincia-aq-bo")).contains(saved);
		assertThat(timers().dueDates(opened.trackingCode())).contains(rome(2026, 12, 1, 13, 0));
	}

	/**
	 * Deploys and starts, for the case, a process whose receive task carries a boundary
	 * timer at the office's breach; answers the instance's id.
	 */
	private String designersTimerOn(OpenedCase opened, String office) {
		org.camunda.bpm.model.bpmn.BpmnModelInstance model = org.camunda.bpm.model.bpmn.Bpmn
			.createExecutableProcess("designersSlaTimer")
			.camundaHistoryTimeToLive(30)
			.startEvent()
			.receiveTask("waitForSomething")
			.boundaryEvent("atBreach")
			.cancelActivity(false)
			.timerWithDate("${sla.breachAt(execution, '" + office + "')}")
			.endEvent()
			.moveToActivity("waitForSomething")
			.endEvent()
			.done();
		this.repository.createDeployment().addModelInstance("designers-sla-timer.bpmn", model).deploy();
		return this.runtime
			.startProcessInstanceByKey("designersSlaTimer", opened.trackingCode(), Map.of("caseId", opened.caseId()))
			.getId();
	}

	private Instant timerDueDate(String processInstanceId) {
		return this.management.createJobQuery()
			.processInstanceId(processInstanceId)
			.timers()
			.singleResult()
			.getDuedate()
			.toInstant();
	}

	private OpenedCase forwardedAt(Instant at, String topic) {
		moveTo(at);
		OpenedCase opened = this.intake
			.open(new IntakeRequest(Channel.PHONE, topic, "Richiesta di prova per i livelli di servizio", "L'Aquila",
					new IntakeRequest.Citizen("Maria Rossi", "+393331234567", null, true, "it"), Set.of()), "fo1");
		this.intake.forward(opened.trackingCode(), "Serve il back office", "fo1");
		return opened;
	}

	private static CalendarDefinition definition(Map<DayOfWeek, String> week, int version) {
		return new CalendarDefinition("provincia-aq-bo", "Europe/Rome", CalendarDefinition.parseWeek(week), null,
				List.of(), version);
	}

	private static Map<DayOfWeek, String> weekdays(String hours) {
		Map<DayOfWeek, String> week = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			week.put(day, hours);
		}
		return week;
	}

	static Instant rome(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(ROME).toInstant();
	}

	private static void moveTo(Instant instant) {
		TestClock.set(instant);
	}

	private long timerCount(OpenedCase opened) {
		return this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(opened.trackingCode())
			.list()
			.stream()
			.mapToLong(
					(instance) -> this.management.createJobQuery().processInstanceId(instance.getId()).timers().count())
			.sum();
	}

	private Task workTask(OpenedCase opened) {
		return this.tasks.createTaskQuery()
			.processInstanceBusinessKey(opened.trackingCode())
			.taskDefinitionKey("backOfficeWork")
			.singleResult();
	}

	private List<String> candidateGroups(Task task) {
		return this.tasks.getIdentityLinksForTask(task.getId())
			.stream()
			.map(IdentityLink::getGroupId)
			.filter((group) -> group != null)
			.toList();
	}

	private List<String> notifications(String caseId, String kind) {
		return this.jdbc.queryForList(
				"SELECT CASE WHEN recipient_user IS NULL THEN 'group ' || recipient_group ELSE 'user ' || recipient_user END "
						+ "FROM spt_notification " + "WHERE case_id = ? AND kind = ? ORDER BY created_at",
				String.class, caseId, kind);
	}

	private int timeline(String caseId, String type) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_case_event WHERE case_id = ? AND event_type = ?",
				Integer.class, caseId, type);
	}

	private org.sportello.support.CaseTimers timers() {
		return new org.sportello.support.CaseTimers(this.runtime, this.management, this.sweep, this.jdbc);
	}

}
