package org.sportello.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.sportello.cases.Channel;
import org.sportello.cases.OpenedCase;
import org.sportello.intake.IntakeRequest;
import org.sportello.intake.IntakeService;
import org.sportello.support.TestClock;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many cases whose SLA falls due at the same moment, escalated by the application's SLA
 * sweep (not by the test): opens {@code count} PENSION cases at one frozen instant,
 * forwards them to INPS, moves the engine clock to their common warning and then breach
 * instant and waits for the sweep to take the due steps. Shared by the MariaDB test
 * (2,000 cases) and the benchmark (10,000).
 */
final class SlaPeak {

	/** A Monday far enough ahead that no other test's timers are due before it. */
	static final Instant MONDAY = SlaLifecycleTests.rome(2027, 3, 1, 9, 0);

	/** 30 and 40 working hours later on the default calendar (INPS). */
	static final Instant WARNING = SlaLifecycleTests.rome(2027, 3, 4, 13, 30);

	static final Instant BREACH = SlaLifecycleTests.rome(2027, 3, 5, 15, 0);

	private static final Duration TIMEOUT = Duration.ofMinutes(20);

	private final IntakeService intake;

	private final RuntimeService runtime;

	private final ManagementService management;

	private final SlaSweep sweep;

	private final JdbcTemplate jdbc;

	private final String marker = "Prova di carico SLA " + UUID.randomUUID();

	SlaPeak(IntakeService intake, RuntimeService runtime, ManagementService management, SlaSweep sweep,
			JdbcTemplate jdbc) {
		this.intake = intake;
		this.runtime = runtime;
		this.management = management;
		this.sweep = sweep;
		this.jdbc = jdbc;
	}

	record Result(int cases, Duration opening, Duration warnings, Duration escalations, int probes,
			double probeP95Millis) {

		double escalationsPerSecond() {
			return this.cases / (this.escalations.toMillis() / 1000.0);
		}

		@Override
		public String toString() {
			return String.format("%d cases opened and forwarded in %.1f s; %d warnings drained in %.1f s; "
					+ "%d breaches escalated in %.1f s (%.0f steps/s); meanwhile a front office opened %d cases,"
					+ " p95 %.1f ms", this.cases, this.opening.toMillis() / 1000.0, this.cases,
					this.warnings.toMillis() / 1000.0, this.cases, this.escalations.toMillis() / 1000.0,
					escalationsPerSecond(), this.probes, this.probeP95Millis);
		}

	}

	/**
	 * Opens the cases and drains their warnings and breaches; checks them with
	 * {@link #assertExactlyOnce} (still at the breach instant), then
	 * {@link TestClock#reset()}.
	 */
	Result run(int count, int threads) throws Exception {
		try {
			TestClock.set(MONDAY);
			long start = System.nanoTime();
			open(count, threads);
			Duration opening = Duration.ofNanos(System.nanoTime() - start);
			Duration warnings = drainAt(WARNING);
			assertThat(events("SLA_WARNING")).isEqualTo(count);
			// while the breaches drain, a front office keeps opening cases (ten a
			// second): the sweep must not starve it
			List<Long> probes = new java.util.concurrent.CopyOnWriteArrayList<>();
			java.util.concurrent.atomic.AtomicBoolean draining = new java.util.concurrent.atomic.AtomicBoolean(true);
			Thread probe = new Thread(() -> {
				while (draining.get()) {
					long sent = System.nanoTime();
					this.intake.open(
							new IntakeRequest(Channel.PHONE, "PENSION", "Aperta durante il picco SLA", null,
									new IntakeRequest.Citizen("Cittadino di prova", null, null, false, "it"), null),
							"fo1");
					probes.add(System.nanoTime() - sent);
					try {
						Thread.sleep(100);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
				}
			});
			probe.start();
			Duration escalations;
			try {
				escalations = drainAt(BREACH);
			}
			finally {
				draining.set(false);
				probe.join();
			}
			long[] sorted = probes.stream().mapToLong(Long::longValue).sorted().toArray();
			double p95 = (sorted.length == 0) ? Double.NaN
					: sorted[Math.max(0, (int) Math.ceil(0.95 * sorted.length) - 1)] / 1_000_000.0;
			return new Result(count, opening, warnings, escalations, sorted.length, p95);
		}
		catch (Exception | AssertionError ex) {
			TestClock.reset();
			throw ex;
		}
	}

	/**
	 * Asserts every case was warned once and escalated once: no duplicates, none missed.
	 */
	void assertExactlyOnce(int count) {
		// checked at the breach instant: once the suite's clock is back (a later day),
		// the level-2 steps fall due and the sweep escalates to the hub meanwhile
		try {
			assertEachOnce(count);
		}
		finally {
			TestClock.reset();
		}
	}

	private void assertEachOnce(int count) {
		assertThat(events("SLA_WARNING")).isEqualTo(count);
		assertThat(events("SLA_ESCALATED")).as(() -> "escalations beyond one per case: " + this.jdbc
			.queryForList("SELECT e.case_id, e.occurred_at, e.office, e.detail FROM spt_case_event e JOIN spt_case c"
					+ " ON c.id = e.case_id WHERE c.description = ? AND e.event_type = 'SLA_ESCALATED' AND e.case_id IN"
					+ " (SELECT x.case_id FROM spt_case_event x WHERE x.event_type = 'SLA_ESCALATED'"
					+ " GROUP BY x.case_id HAVING COUNT(*) > 1) ORDER BY e.case_id, e.seq LIMIT 6", this.marker))
			.isEqualTo(count);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM (SELECT e.case_id FROM spt_case_event e "
						+ "JOIN spt_case c ON c.id = e.case_id WHERE c.description = ? AND e.event_type LIKE 'SLA_%' "
						+ "GROUP BY e.case_id, e.event_type HAVING COUNT(*) <> 1) duplicates",
				Integer.class, this.marker))
			.isZero();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_sla_clock k JOIN spt_case c ON c.id = k.case_id "
				+ "WHERE c.description = ? AND k.scope = 'OFFICE' AND k.office_group_id = 'inps-bo' "
				+ "AND k.escalation_level = 1 AND k.warned_at IS NOT NULL", Integer.class, this.marker))
			.isEqualTo(count);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM spt_notification n JOIN spt_case c "
						+ "ON c.id = n.case_id WHERE c.description = ? AND n.kind = 'SLA_ESCALATED'",
				Integer.class, this.marker))
			.isEqualTo(count);
		assertThat(this.management.createJobQuery().withException().list()).as("jobs that failed")
			.extracting((job) -> job.getProcessDefinitionKey() + " " + job.getExceptionMessage() + " "
					+ this.management.getJobExceptionStacktrace(job.getId()).lines().limit(12).toList())
			.isEmpty();
		assertThat(this.runtime.createIncidentQuery().count()).isZero();
	}

	private void open(int count, int threads) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<OpenedCase>> opened = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				opened.add(pool.submit(() -> {
					OpenedCase kase = this.intake.open(
							new IntakeRequest(Channel.PHONE, "PENSION", this.marker, null,
									new IntakeRequest.Citizen("Cittadino di prova", null, null, false, "it"), null),
							"fo1");
					this.intake.forward(kase.trackingCode(), "Al back office INPS", "fo1");
					return kase;
				}));
			}
			for (Future<OpenedCase> future : opened) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
	}

	/**
	 * Moves the clock and waits until the application's SLA sweep (every 2 s) has taken
	 * every due step.
	 */
	private Duration drainAt(Instant instant) throws InterruptedException {
		TestClock.set(instant);
		long start = System.nanoTime();
		// a second sweeper meanwhile, as another node's would: it meets the first on the
		// same partitions, and no step may be taken twice
		java.util.concurrent.atomic.AtomicBoolean draining = new java.util.concurrent.atomic.AtomicBoolean(true);
		Thread otherNode = new Thread(() -> {
			while (draining.get()) {
				this.sweep.runDue();
				try {
					// the schedule's interval
					Thread.sleep(2000);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "second-sweeper");
		otherNode.start();
		try {
			while (this.sweep.countDue() > 0) {
				if (Duration.ofNanos(System.nanoTime() - start).compareTo(TIMEOUT) > 0) {
					throw new AssertionError(this.sweep.countDue() + " SLA clocks still due after " + TIMEOUT);
				}
				Thread.sleep(100);
			}
			return Duration.ofNanos(System.nanoTime() - start);
		}
		finally {
			draining.set(false);
			otherNode.interrupt();
			otherNode.join();
		}
	}

	private int events(String type) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_case_event e JOIN spt_case c ON c.id = e.case_id "
				+ "WHERE c.description = ? AND e.event_type = ?", Integer.class, this.marker, type);
	}

}
