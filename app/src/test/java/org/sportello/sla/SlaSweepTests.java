package org.sportello.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sportello.cases.Cases;
import org.sportello.cases.Channel;
import org.sportello.cases.OpenedCase;
import org.sportello.directory.Directory;
import org.sportello.intake.IntakeRequest;
import org.sportello.intake.IntakeService;
import org.sportello.notify.InAppNotifications;
import org.sportello.support.H2ApplicationTest;
import org.sportello.support.TestClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sweep when one clock's step fails: the others of its batch are taken all the same,
 * the failed one stays due and is taken by a later sweep. The cases are opened in March
 * 2020, before any other test's, so that only their clocks are due when this test sweeps.
 */
@H2ApplicationTest
class SlaSweepTests {

	/** A Monday; INPS's 40 working hours run out on Friday at 15:00. */
	private static final Instant MONDAY = SlaLifecycleTests.rome(2020, 3, 2, 9, 0);

	private static final Instant AFTER_THE_BREACH = SlaLifecycleTests.rome(2020, 3, 6, 15, 30);

	private static final String RUNNING_OFFICES = "scope = 'OFFICE' AND phase = 'RUNNING'";

	@Autowired
	IntakeService intake;

	@Autowired
	SlaSweep sweep;

	@Autowired
	SlaClockMapper mapper;

	@Autowired
	SlaClocks clocks;

	@Autowired
	Cases cases;

	@Autowired
	Directory directory;

	@Autowired
	InAppNotifications notifications;

	@Autowired
	TaskService tasks;

	@Autowired
	TaskRaises raises;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionOperations transactions;

	@Autowired
	Clock clock;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void realTimeAgain() {
		TestClock.reset();
	}

	@Test
	void aClockWhoseStepFailsHoldsNoneOfTheOthersBackAndIsTakenLater() {
		TestClock.set(MONDAY);
		// five clocks in four partitions: at least two share one, and one of those is
		// the broken one, so that its batch holds another clock
		List<OpenedCase> opened = List.of(forwarded(), forwarded(), forwarded(), forwarded(), forwarded());
		String broken = opened.stream()
			.map(OpenedCase::caseId)
			.filter((caseId) -> opened.stream()
				.filter((other) -> !other.caseId().equals(caseId))
				.anyMatch((other) -> partitionsOf(other.caseId()).stream().anyMatch(partitionsOf(caseId)::contains)))
			.findFirst()
			.orElseThrow();
		SlaEscalation failingForOne = new SlaEscalation(this.clocks, this.mapper, this.cases, this.directory,
				this.notifications, this.tasks, this.raises, this.events) {
			@Override
			void escalate(String caseId, String officeGroupId, List<TaskRaises.Raise> raises) {
				if (caseId.equals(broken)) {
					throw new IllegalStateException("the office's supervisors cannot be read");
				}
				super.escalate(caseId, officeGroupId, raises);
			}
		};
		SlaSweep sweeping = new SlaSweep(this.mapper, this.clocks, failingForOne, this.raises, this.transactions,
				this.clock, 2);
		try {
			TestClock.set(AFTER_THE_BREACH);
			// the broken one's batch rolled back, then its clocks were taken one by one
			// (how many steps each case has depends on the models in force: other tests
			// deploy versions of their own)
			sweeping.runDue();
		}
		finally {
			sweeping.stop();
		}

		for (OpenedCase kase : opened) {
			boolean isBroken = kase.caseId().equals(broken);
			assertThat(lowestEscalation(kase.caseId())).as(kase.caseId()).isEqualTo(isBroken ? 0 : 1);
			assertThat(this.mapper.dueOf(kase.caseId(), AFTER_THE_BREACH).isEmpty()).isEqualTo(!isBroken);
		}
		// mended (the next sweep, here the application's own): taken, and once
		assertThat(this.sweep.runDueOf(broken)).isPositive();
		assertThat(lowestEscalation(broken)).isOne();
		assertThat(this.mapper.dueOf(broken, AFTER_THE_BREACH)).isEmpty();
		assertThat(this.sweep.runDueOf(broken)).isZero();
	}

	private OpenedCase forwarded() {
		OpenedCase opened = this.intake.open(
				new IntakeRequest(Channel.PHONE, "PENSION", "Prova della spazzata SLA con un passo che fallisce",
						"L'Aquila", new IntakeRequest.Citizen("Cittadino di prova", null, null, false, "it"), Set.of()),
				"fo1");
		this.intake.forward(opened.trackingCode(), "Al back office INPS", "fo1");
		return opened;
	}

	/** The partitions of the case's running office clocks (its back offices). */
	private List<Integer> partitionsOf(String caseId) {
		return this.jdbc
			.queryForList("SELECT id FROM spt_sla_clock WHERE case_id = ? AND " + RUNNING_OFFICES, String.class, caseId)
			.stream()
			.map(SlaSweep::partitionOf)
			.toList();
	}

	/** The lowest escalation level of the case's running office clocks, at most 1. */
	private int lowestEscalation(String caseId) {
		return this.jdbc.queryForObject(
				"SELECT LEAST(MIN(escalation_level), 1) FROM spt_sla_clock WHERE case_id = ? AND " + RUNNING_OFFICES,
				Integer.class, caseId);
	}

}
