package org.sportello.distribution;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sportello.cases.Channel;
import org.sportello.cases.OpenedCase;
import org.sportello.directory.Directory;
import org.sportello.intake.IntakeRequest;
import org.sportello.intake.IntakeService;
import org.sportello.sla.Calendars;
import org.sportello.support.MariaDbApplicationTest;
import org.sportello.support.TestClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes re-balancing at the same moment on MariaDB (row locks of InnoDB, repeatable
 * read): 30 tasks waiting at the regional counter when its operator goes off duty move
 * once each, every one to the contact center, with one timeline event each. Thursday 9
 * March 2034.
 */
@MariaDbApplicationTest
class DistributionMariaDbTests {

	static final ZoneId ROME = ZoneId.of("Europe/Rome");

	@Autowired
	Distribution distribution;

	@Autowired
	Availability availability;

	@Autowired
	IntakeService intake;

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

	final List<String> codes = new ArrayList<>();

	@BeforeEach
	void network() {
		TestNetwork.ensure(this.directory, this.calendars, this.distribution, this.identity);
	}

	@AfterEach
	void cleanUp() {
		TestNetwork.everyoneOff(this.availability);
		TestNetwork.endCases(this.runtime, this.codes);
		TestClock.reset();
	}

	@Test
	void twoNodesMoveEachWaitingTaskOnce() throws Exception {
		TestClock.set(rome(2034, 3, 9, 10, 0));
		this.availability.set("dist-op-r", DutyState.ON_DUTY);
		this.availability.set("dist-op-c", DutyState.ON_DUTY);
		// five per operator keeps the cases home; the operator takes on no more for now
		for (int i = 0; i < 30; i++) {
			if (i == 5) {
				this.availability.set("dist-op-c", DutyState.BREAK);
			}
			OpenedCase opened = this.intake
				.open(new IntakeRequest(Channel.PHONE, "PENSION", "Informazioni sulla pensione di reversibilità", null,
						new IntakeRequest.Citizen("Maria Rossi", null, null, false, "it"), Set.of()), "dist-op-r");
			this.codes.add(opened.trackingCode());
		}
		assertThat(waitingAt(TestNetwork.REGION)).isEqualTo(30);
		TestClock.set(rome(2034, 3, 9, 10, 20));
		this.availability.set("dist-op-c", DutyState.ON_DUTY);
		this.availability.set("dist-op-r", DutyState.OFF);
		int moves = TestNetwork.twoNodes(this.distribution, TestNetwork.offices(this.distribution));
		assertThat(moves).isEqualTo(30);
		assertThat(waitingAt(TestNetwork.CENTER)).isEqualTo(30);
		assertThat(this.jdbc.queryForList(
				"SELECT DISTINCT t.moves FROM spt_task t JOIN spt_case c ON c.id = t.case_id "
						+ "WHERE c.tracking_code IN ("
						+ String.join(",", this.codes.stream().map((c) -> "'" + c + "'").toList()) + ")",
				Integer.class))
			.containsExactly(1);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM spt_case_event e JOIN spt_case c ON c.id = e.case_id "
						+ "WHERE e.event_type = 'DISTRIBUTED' AND c.tracking_code IN ("
						+ String.join(",", this.codes.stream().map((c) -> "'" + c + "'").toList()) + ")",
				Integer.class))
			.isEqualTo(30);
	}

	private int waitingAt(String office) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_task WHERE office_group_id = ? AND assignee IS NULL",
				Integer.class, office);
	}

	static Instant rome(int year, int month, int day, int hour, int minute) {
		return TestNetwork.rome(year, month, day, hour, minute);
	}

}
