package org.sportello.distribution;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sportello.cases.Channel;
import org.sportello.directory.Directory;
import org.sportello.directory.Office;
import org.sportello.directory.Skill;
import org.sportello.intake.IntakeRequest;
import org.sportello.intake.IntakeService;
import org.sportello.security.Roles;
import org.sportello.sla.Calendars;
import org.sportello.support.MariaDbApplicationTest;
import org.sportello.support.TestClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark (bench/distribution-peak.sh, never part of ./mvnw verify): a peak of N cases
 * (default 500) in five minutes of engine time on MariaDB over the three front offices of
 * {@link TestNetwork} (a contact center 09:00-18:00 with English and French and six
 * operators, a regional counter 09:00-16:00 with two, one of whom speaks German, an
 * evening service 18:00-22:00), Tuesday 14 March 2034 from 15:58: the regional counter
 * closes in the middle of it (its operators' duty ends by itself at 16:00), a center
 * operator takes a break and comes back; 80 % of the calls reach the regional counter, 10
 * % speak English, 3 % German, 2 % need sign language (nobody offers it). Every operator
 * on duty takes the oldest task of the office every 10 s; two nodes re-balance together
 * every 20 s. Checked after every pass: no settled task waits at an office that should
 * overflow while an eligible office is below the decision's target load; no task ever
 * sits at an office without the skills its case needs (away from home); each move once
 * (moves reported by the nodes = timeline events). Measured: the decision's cost per case
 * (the placement as a new task gets it, 2,000 times with the peak's queues) and a pass's
 * duration. The figures go to app/target/bench/distribution-peak.txt.
 */
@MariaDbApplicationTest
@Tag("bench")
class DistributionPeakBenchmark {

	static final ZoneId ROME = ZoneId.of("Europe/Rome");

	@Autowired
	Distribution distribution;

	@Autowired
	Availability availability;

	@Autowired
	IntakeService intake;

	@Autowired
	TaskService tasks;

	@Autowired
	Directory directory;

	@Autowired
	Calendars calendars;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aPeakOverThreeFrontOffices() throws Exception {
		int cases = Integer.getInteger("sportello.bench.cases", 500);
		TestNetwork.ensure(this.directory, this.calendars, this.distribution, this.identity);
		List<String> center = operators(TestNetwork.CENTER, "bench-c", 5);
		center.add(0, "dist-op-c");
		List<String> region = operators(TestNetwork.REGION, "bench-r", 1);
		region.add(0, "dist-op-r");
		this.availability.setSkills(region.get(1), Set.of(Skill.LANG_DE));
		Instant start = LocalDateTime.of(2034, 3, 14, 15, 58).atZone(ROME).toInstant();
		TestClock.set(start);
		center.forEach((user) -> this.availability.set(user, DutyState.ON_DUTY));
		region.forEach((user) -> this.availability.set(user, DutyState.ON_DUTY));
		List<Office> offices = TestNetwork.offices(this.distribution);

		Random random = new Random(20340314);
		Duration step = Duration.ofMillis(300_000 / cases);
		int moves = 0;
		int passes = 0;
		int checks = 0;
		int claims = 0;
		List<Long> passNanos = new ArrayList<>();
		long openNanos = 0;
		Instant nextHandling = start.plusSeconds(10);
		Instant nextPass = start.plusSeconds(20);
		for (int i = 0; i < cases; i++) {
			Instant now = start.plus(step.multipliedBy(i));
			TestClock.set(now);
			if (i == cases / 5) {
				this.availability.set(center.get(5), DutyState.BREAK);
			}
			if (i == 3 * cases / 5) {
				this.availability.set(center.get(5), DutyState.ON_DUTY);
			}
			String opener = (random.nextInt(100) < 80) ? region.get(0) : center.get(0);
			int roll = random.nextInt(100);
			String language = (roll < 10) ? "en" : "it";
			Set<Skill> needs = (roll >= 10 && roll < 13) ? Set.of(Skill.LANG_DE)
					: (roll >= 13 && roll < 15) ? Set.of(Skill.SIGN_LANGUAGE) : Set.of();
			long before = System.nanoTime();
			this.intake.open(
					new IntakeRequest(Channel.PHONE, "PENSION", "Stato della domanda di pensione " + i, null,
							new IntakeRequest.Citizen("Cittadino " + i, null, null, false, language), Set.of(), needs),
					opener);
			openNanos += System.nanoTime() - before;
			if (!now.isBefore(nextHandling)) {
				claims += handle(center, TestNetwork.CENTER) + handle(region, TestNetwork.REGION);
				nextHandling = nextHandling.plusSeconds(10);
			}
			if (!now.isBefore(nextPass)) {
				long passStart = System.nanoTime();
				moves += twoNodes(offices);
				passNanos.add((System.nanoTime() - passStart) / 2);
				passes++;
				checks += check(now);
				nextPass = nextPass.plusSeconds(20);
			}
		}
		Instant end = start.plus(Duration.ofMinutes(5));
		TestClock.set(end);
		moves += twoNodes(offices);
		passes++;
		checks += check(end);

		int events = this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_case_event WHERE event_type = 'DISTRIBUTED'",
				Integer.class);
		assertThat(this.jdbc.queryForObject("SELECT SUM(moves) FROM spt_task", Integer.class))
			.as("every move has its timeline event")
			.isEqualTo(events);
		Map<String, Integer> byReason = new HashMap<>();
		this.jdbc.queryForList("SELECT detail FROM spt_case_event WHERE event_type = 'DISTRIBUTED'", String.class)
			.forEach((detail) -> byReason.merge(detail.substring(0, detail.indexOf('|')), 1, Integer::sum));
		Map<String, Integer> finalOffices = new HashMap<>();
		this.jdbc
			.queryForList("SELECT office_group_id FROM spt_task WHERE assignee IS NULL AND case_id IS NOT NULL",
					String.class)
			.forEach((office) -> finalOffices.merge(office, 1, Integer::sum));

		// the decision's cost per case with the peak's queues: what a new task's
		// placement does
		List<Long> decide = new ArrayList<>();
		Set<Skill> english = EnumSet.of(Skill.LANG_EN);
		for (int i = 0; i < 2_200; i++) {
			long before = System.nanoTime();
			this.distribution.decide((i % 2 == 0) ? TestNetwork.REGION : TestNetwork.CENTER,
					(i % 10 == 0) ? english : Set.of(), end);
			if (i >= 200) {
				decide.add(System.nanoTime() - before);
			}
		}
		String report = String.format(java.util.Locale.ROOT,
				"distribution peak on MariaDB: %d cases in 5 min of engine time over 3 front offices, 2 nodes%n"
						+ "opening a case (intake + process + placement): mean %.2f ms%n"
						+ "decision per case (the queues query, the remembered DMN outcomes, the target): p50 %.3f ms, p95 %.3f ms, mean %.3f ms (%d runs)%n"
						+ "re-balancing pass (each node): p50 %.1f ms, p95 %.1f ms over %d passes%n"
						+ "moves by re-balancing %d, all moves (with placements at creation) %d, by reason %s; tasks claimed %d%n"
						+ "waiting at the end by office %s%n" + "checks passed: %d (after every pass)%n",
				cases, openNanos / 1e6 / cases, percentile(decide, 50) / 1e6, percentile(decide, 95) / 1e6,
				decide.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6, decide.size(),
				percentile(passNanos, 50) / 1e6, percentile(passNanos, 95) / 1e6, passes, moves, events, byReason,
				claims, finalOffices, checks);
		Path file = Path.of("target", "bench", "distribution-peak.txt");
		Files.createDirectories(file.getParent());
		Files.writeString(file, report);
		TestClock.reset();
	}

	private List<String> operators(String office, String prefix, int count) {
		List<String> users = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			String id = prefix + i;
			if (this.identity.createUserQuery().userId(id).count() == 0) {
				this.identity.saveUser(this.identity.newUser(id));
				this.identity.createMembership(id, Roles.FO);
				this.identity.createMembership(id, office);
			}
			users.add(id);
		}
		return users;
	}

	/** Each operator on duty takes the oldest waiting task of the office. */
	private int handle(List<String> operators, String office) {
		int claimed = 0;
		for (String operator : operators) {
			if (this.availability.statusOf(operator).state() != DutyState.ON_DUTY) {
				continue;
			}
			List<Task> oldest = this.tasks.createTaskQuery()
				.taskCandidateGroup(office)
				.taskUnassigned()
				.orderByTaskCreateTime()
				.asc()
				.listPage(0, 1);
			if (!oldest.isEmpty()) {
				this.tasks.claim(oldest.get(0).getId(), operator);
				claimed++;
			}
		}
		return claimed;
	}

	private int twoNodes(List<Office> offices) throws Exception {
		int eventsBefore = distributedEvents();
		int moves = TestNetwork.twoNodes(this.distribution, offices);
		assertThat(distributedEvents() - eventsBefore)
			.as("each move once: moves the two nodes report = timeline events of the pass")
			.isEqualTo(moves);
		return moves;
	}

	private int distributedEvents() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_case_event WHERE event_type = 'DISTRIBUTED'",
				Integer.class);
	}

	/**
	 * After a pass: away from home, every waiting task's office offers its needs; and no
	 * settled task waits at an office that should overflow (over 5 per operator, closed,
	 * nobody on duty) while another open office with someone on duty and the skills stays
	 * below 3 per operator with it.
	 */
	private int check(Instant now) {
		List<Distribution.OfficeWorkload> board = this.distribution.workload("admin")
			.stream()
			.filter((row) -> row.office().administrationCode().equals(TestNetwork.ADMINISTRATION))
			.toList();
		Instant settledBefore = now.minus(Duration.ofMinutes(10));
		int checked = 0;
		for (Distribution.OfficeWorkload at : board) {
			boolean overflowing = !at.open() || at.onDuty() == 0 || at.waiting() > 5.0 * at.onDuty();
			for (Distribution.WaitingTask task : this.distribution.waitingAt(at.office().groupId(), "admin")) {
				if (task.homeOffice() != null && !task.homeOffice().equals(at.office().groupId())) {
					assertThat(at.skills())
						.as("office %s holds %s needing %s", at.office().groupId(), task.trackingCode(), task.needs())
						.containsAll(task.needs());
				}
				boolean settled = task.movedAt() == null || task.movedAt().isBefore(settledBefore);
				if (overflowing && settled) {
					for (Distribution.OfficeWorkload other : board) {
						boolean room = other != at && other.open() && other.onDuty() > 0
								&& (other.waiting() + 1) / (double) other.onDuty() < 3
								&& other.skills().containsAll(task.needs());
						assertThat(room)
							.as("%s waits at %s (%d for %d) while %s has room", task.trackingCode(),
									at.office().groupId(), at.waiting(), at.onDuty(), other.office().groupId())
							.isFalse();
					}
				}
				checked++;
			}
		}
		return checked;
	}

	private static double percentile(List<Long> values, int percentile) {
		if (values.isEmpty()) {
			return 0;
		}
		long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
	}

}
