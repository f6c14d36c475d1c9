package org.sportello.sla;

import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sportello.intake.IntakeService;
import org.sportello.support.MariaDbApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark (bench/sla-timers.sh, never part of ./mvnw verify): 10,000 SLA breaches
 * falling due at once on MariaDB; how long until the SLA sweep has escalated them all,
 * and steps per second. Correctness is checked too (each exactly once). The figures go to
 * app/target/bench/sla-peak.txt.
 */
@MariaDbApplicationTest
@Tag("bench")
class SlaPeakBenchmark {

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
	void tenThousandTimersFallingDueAtOnce() throws Exception {
		int cases = Integer.getInteger("sportello.bench.cases", 10_000);
		SlaPeak peak = new SlaPeak(this.intake, this.runtime, this.management, this.sweep, this.jdbc);
		SlaPeak.Result result = peak.run(cases, 4);
		peak.assertExactlyOnce(cases);
		Path report = Path.of("target", "bench", "sla-peak.txt");
		Files.createDirectories(report.getParent());
		Files.writeString(report, result + System.lineSeparator());
	}

}
