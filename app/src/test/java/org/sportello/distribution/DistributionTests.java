package org.sportello.distribution;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sportello.cases.Channel;
import org.sportello.cases.OpenedCase;
import org.sportello.directory.Directory;
import org.sportello.directory.Office;
import org.sportello.directory.Skill;
import org.sportello.intake.IntakeRequest;
import org.sportello.intake.IntakeService;
import org.sportello.sla.Calendars;
import org.sportello.support.H2ApplicationTest;
import org.sportello.support.TestClock;
import org.sportello.tasklist.TaskActions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distribution of front-office work with the application and the engine clock, on
 * three front offices of its own (so that no other test's tasks or offices take part): a
 * contact center open 09:00-18:00 with English, an evening service 18:00-22:00 and a
 * regional counter open 09:00-16:00 without languages; one operator each. Tuesday 7 March
 * 2034.
 */
@H2ApplicationTest
class DistributionTests {

	static final ZoneId ROME = ZoneId.of("Europe/Rome");

	static final String CENTER = TestNetwork.CENTER;

	static final String EVENING = TestNetwork.EVENING;

	static final String REGION = TestNetwork.REGION;

	@Autowired
	Distribution distribution;

	@Autowired
	Availability availability;

	@Autowired
	IntakeService intake;

	@Autowired
	TaskService tasks;

	@Autowired
	TaskActions actions;

	@Autowired
	RuntimeService runtime;

	@Autowired
	Directory directory;

	@Autowired
	Calendars calendars;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.sportello.sla.SlaSweep sweep;

	final List<String> instances = new ArrayList<>();

	@BeforeEach
	void network() {
		TestNetwork.ensure(this.directory, this.calendars, this.distribution, this.identity);
	}

	@AfterEach
	void everyoneOff() {
		TestNetwork.everyoneOff(this.availability);
		this.instances.forEach((id) -> this.runtime.deleteProcessInstance(id, "test over"));
		this.instances.clear();
		TestClock.reset();
	}

	@Test
	void afterHoursACaseGoesToTheOfficeThatIsOpen() {
		TestClock.set(rome(2034, 3, 7, 19, 0));
		this.availability.set("dist-op-e", DutyState.ON_DUTY);
		// the contact center's operator takes a late call: the center closed at 18:00
		Task triage = triageOf(open("dist-op-c", "it", Set.of()));
		assertThat(groupsOf(triage)).containsExactly(EVENING);
		assertThat(officeRow(triage)).isEqualTo(EVENING);
		assertThat(distributionEvents(triage)).containsExactly("CLOSED|" + CENTER + "|1|0|0|");
	}

	@Test
	void anEnglishSpeakingCitizensCaseGoesToAnOfficeWithEnglish() {
		TestClock.set(rome(2034, 3, 7, 10, 0));
		this.availability.set("dist-op-r", DutyState.ON_DUTY);
		this.availability.set("dist-op-c", DutyState.ON_DUTY);
		Task english = triageOf(open("dist-op-r", "en", Set.of()));
		assertThat(groupsOf(english)).containsExactly(CENTER);
		assertThat(distributionEvents(english)).containsExactly("SKILL|" + REGION + "|1|1|0|LANG_EN");
		// Italian stays at the regional counter, which is open with its operator
		Task italian = triageOf(open("dist-op-r", "it", Set.of()));
		assertThat(groupsOf(italian)).containsExactly(REGION);
		// nobody offers sign language: the case stays home rather than go where nobody
		// can
		Task sign = triageOf(open("dist-op-r", "it", Set.of(Skill.SIGN_LANGUAGE)));
		assertThat(groupsOf(sign)).containsExactly(REGION);
		assertThat(distributionEvents(sign)).isEmpty();
	}

	@Test
	void anOperatorsOwnSkillCountsOnlyWhileOnDuty() {
		TestClock.set(rome(2034, 3, 7, 10, 30));
		this.availability.setSkills("dist-op-r", Set.of(Skill.LANG_DE));
		this.availability.set("dist-op-c", DutyState.ON_DUTY);
		this.availability.set("dist-op-r", DutyState.BREAK);
		// the German speaker is on a break: nobody else speaks German, the case stays
		Task first = triageOf(open("dist-op-c", "it", Set.of(Skill.LANG_DE)));
		assertThat(groupsOf(first)).containsExactly(CENTER);
		this.availability.set("dist-op-r", DutyState.ON_DUTY);
		assertThat(this.distribution.rebalance(ours())).isEqualTo(1);
		assertThat(groupsOf(first)).containsExactly(REGION);
		this.availability.setSkills("dist-op-r", Set.of());
	}

	@Test
	void overloadSendsTheSixthWaitingTaskToTheOfficeWithRoom() {
		TestClock.set(rome(2034, 3, 7, 11, 0));
		this.availability.set("dist-op-c", DutyState.ON_DUTY);
		this.availability.set("dist-op-r", DutyState.ON_DUTY);
		List<Task> calls = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			calls.add(triageOf(open("dist-op-c", "it", Set.of())));
		}
		// five per operator is the limit; the sixth goes where the load stays below three
		assertThat(calls.subList(0, 5)).allSatisfy((task) -> assertThat(groupsOf(task)).containsExactly(CENTER));
		assertThat(groupsOf(calls.get(5))).containsExactly(REGION);
		assertThat(distributionEvents(calls.get(5))).containsExactly("OVERLOAD|" + CENTER + "|6|1|0|");
	}

	@Test
	void aClaimedTaskNeverMoves() {
		TestClock.set(rome(2034, 3, 7, 15, 0));
		this.availability.set("dist-op-r", DutyState.ON_DUTY);
		this.availability.set("dist-op-c", DutyState.ON_DUTY);
		Task claimed = triageOf(open("dist-op-r", "it", Set.of()));
		Task waiting = triageOf(open("dist-op-r", "it", Set.of()));
		this.actions.claim(claimed.getId(), "dist-op-r");
		// the regional counter closes at 16:00 with both tasks there
		TestClock.set(rome(2034, 3, 7, 16, 5));
		assertThat(this.distribution.rebalance(ours())).isEqualTo(1);
		assertThat(groupsOf(claimed)).containsExactly(REGION);
		assertThat(distributionEvents(claimed)).isEmpty();
		assertThat(groupsOf(waiting)).containsExactly(CENTER);
		// and a move by hand leaves it too
		Distribution.MoveResult byHand = this.distribution.moveByHand(List.of(claimed.getId()), CENTER, "admin");
		assertThat(byHand).isEqualTo(new Distribution.MoveResult(0, 1, 0));
		assertThat(groupsOf(claimed)).containsExactly(REGION);
	}

	@Test
	void aTaskMovedToAnotherOfficeEndsTheHomeOfficesSlaClockWhenItIsDone() {
		TestClock.set(rome(2034, 3, 7, 15, 0));
		this.availability.set("dist-op-r", DutyState.ON_DUTY);
		this.availability.set("dist-op-c", DutyState.ON_DUTY);
		OpenedCase opened = open("dist-op-r", "it", Set.of());
		Task task = triageOf(opened);
		assertThat(groupsOf(task)).containsExactly(REGION);
		assertThat(this.distribution.moveByHand(List.of(task.getId()), CENTER, "admin").moved()).isOne();
		assertThat(groupsOf(task)).containsExactly(CENTER);

		this.intake.resolve(opened.trackingCode(), "Risposto dal centro di contatto", "dist-op-c");
		this.instances.remove(this.instances.size() - 1);

		// the clock the triage started (the home office's) ended with it, so nothing of
		// the case falls due later: no warning or escalation of a case already answered
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM spt_sla_clock WHERE case_id = ? AND scope = 'OFFICE' AND phase = 'RUNNING'",
				Integer.class, opened.caseId()))
			.isZero();
		TestClock.set(rome(2034, 4, 7, 12, 0));
		assertThat(this.sweep.runDueOf(opened.caseId())).isZero();
	}

	@Test
	void twoNodesRebalancingTogetherMoveAWaitingTaskOnceAndItSettlesBeforeGoingHome() throws Exception {
		TestClock.set(rome(2034, 3, 7, 12, 0));
		this.availability.set("dist-op-r", DutyState.ON_DUTY);
		this.availability.set("dist-op-c", DutyState.ON_DUTY);
		Task task = triageOf(open("dist-op-r", "it", Set.of()));
		assertThat(groupsOf(task)).containsExactly(REGION);
		// the regional operator goes to lunch: two nodes run their pass at the same
		// moment
		TestClock.set(rome(2034, 3, 7, 12, 30));
		this.availability.set("dist-op-r", DutyState.BREAK);
		int moves = TestNetwork.twoNodes(this.distribution, ours());
		assertThat(moves).isEqualTo(1);
		assertThat(groupsOf(task)).containsExactly(CENTER);
		assertThat(distributionEvents(task)).containsExactly("NO_OPERATOR|" + REGION + "|1|0|30|");
		assertThat(
				this.jdbc.queryForObject("SELECT moves FROM spt_task WHERE task_id = ?", Integer.class, task.getId()))
			.isEqualTo(1);
		// back from lunch after five minutes: the task has not settled, it stays
		TestClock.set(rome(2034, 3, 7, 12, 35));
		this.availability.set("dist-op-r", DutyState.ON_DUTY);
		assertThat(this.distribution.rebalance(ours())).isZero();
		assertThat(groupsOf(task)).containsExactly(CENTER);
		// ten minutes after its move it goes home, once
		TestClock.set(rome(2034, 3, 7, 12, 41));
		assertThat(this.distribution.rebalance(ours())).isEqualTo(1);
		assertThat(this.distribution.rebalance(ours())).isZero();
		assertThat(groupsOf(task)).containsExactly(REGION);
		assertThat(distributionEvents(task)).hasSize(2).last().asString().startsWith("RETURN|" + CENTER + "|");
	}

	@Test
	void onDutyEndsByItselfAtTheEndOfTheWorkingDay() {
		TestClock.set(rome(2034, 3, 7, 8, 50));
		Availability.Status status = this.availability.set("dist-op-r", DutyState.ON_DUTY);
		assertThat(status.state()).isEqualTo(DutyState.ON_DUTY);
		assertThat(status.until()).isEqualTo(rome(2034, 3, 7, 16, 0));
		TestClock.set(rome(2034, 3, 7, 16, 0));
		assertThat(this.availability.statusOf("dist-op-r").state()).isEqualTo(DutyState.OFF);
		// switched on while the office is closed: until midnight
		TestClock.set(rome(2034, 3, 7, 20, 0));
		assertThat(this.availability.set("dist-op-r", DutyState.ON_DUTY).until()).isEqualTo(rome(2034, 3, 8, 0, 0));
	}

	@Test
	void theBoardShowsEachOfficesFigures() {
		TestClock.set(rome(2034, 3, 7, 9, 30));
		this.availability.set("dist-op-c", DutyState.ON_DUTY);
		triageOf(open("dist-op-c", "it", Set.of()));
		TestClock.set(rome(2034, 3, 7, 9, 42));
		triageOf(open("dist-op-c", "en", Set.of()));
		List<Distribution.OfficeWorkload> board = this.distribution.workload("admin");
		Distribution.OfficeWorkload center = board.stream()
			.filter((row) -> row.office().groupId().equals(CENTER))
			.findFirst()
			.orElseThrow();
		assertThat(center.open()).isTrue();
		assertThat(center.operatorsOnDuty()).containsExactly("dist-op-c");
		assertThat(center.waiting()).isEqualTo(2);
		assertThat(center.oldestSince()).isEqualTo(rome(2034, 3, 7, 9, 30));
		assertThat(center.skills()).containsExactlyInAnyOrder(Skill.LANG_EN, Skill.LANG_FR);
		assertThat(this.distribution.waitingAt(CENTER, "admin")).extracting(Distribution.WaitingTask::needs)
			.containsExactly(Set.of(), Set.of(Skill.LANG_EN));
		// an administration's supervisor sees its own front offices only
		assertThat(this.distribution.visibleOffices("dist-op-c")).extracting(Office::groupId)
			.containsExactlyInAnyOrder(CENTER, EVENING, REGION);
	}

	private List<Office> ours() {
		return TestNetwork.offices(this.distribution);
	}

	private OpenedCase open(String operator, String language, Set<Skill> needs) {
		OpenedCase opened = this.intake.open(
				new IntakeRequest(Channel.PHONE, "PENSION", "Informazioni sulla pensione di reversibilità", null,
						new IntakeRequest.Citizen("Maria Rossi", null, null, false, language), Set.of(), needs),
				operator);
		this.instances.add(this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(opened.trackingCode())
			.singleResult()
			.getId());
		return opened;
	}

	private Task triageOf(OpenedCase opened) {
		return this.tasks.createTaskQuery().processInstanceBusinessKey(opened.trackingCode()).singleResult();
	}

	private List<String> groupsOf(Task task) {
		return this.tasks.getIdentityLinksForTask(task.getId())
			.stream()
			.filter((link) -> link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.toList();
	}

	private String officeRow(Task task) {
		return this.jdbc.queryForObject("SELECT office_group_id FROM spt_task WHERE task_id = ?", String.class,
				task.getId());
	}

	private List<String> distributionEvents(Task task) {
		return this.jdbc.queryForList(
				"SELECT e.detail FROM spt_case_event e JOIN spt_case c ON c.id = e.case_id "
						+ "WHERE c.tracking_code = ? AND e.event_type = 'DISTRIBUTED' ORDER BY e.seq",
				String.class, task.getProcessInstanceId() == null ? null : businessKey(task));
	}

	private String businessKey(Task task) {
		return this.runtime.createProcessInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.singleResult()
			.getBusinessKey();
	}

	static Instant rome(int year, int month, int day, int hour, int minute) {
		return TestNetwork.rome(year, month, day, hour, minute);
	}

}
