package org.sportello.sla;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sportello.intake.IntakeService;
import org.sportello.support.MariaDbApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On MariaDB, 2,000 cases whose SLA falls due at the same moment: the SLA sweep warns and
 * escalates each exactly once (no duplicates, none missed, no failed job).
 */
@MariaDbApplicationTest
class SlaPeakMariaDbTests {

	private static final Logger log = LoggerFactory.getLogger(SlaPeakMariaDbTests.class);

	@Autowired
	IntakeService intake;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	SlaSweep sweep;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void twoThousandBreachesFallingDueTogetherAreEscalatedExactlyOnceEach() throws Exception {
		SlaPeak peak = new SlaPeak(this.intake, this.runtime, this.management, this.sweep, this.jdbc);
		SlaPeak.Result result = peak.run(2000, 4);
		log.info("SLA peak on MariaDB: {}", result);
		peak.assertExactlyOnce(2000);
	}

}
