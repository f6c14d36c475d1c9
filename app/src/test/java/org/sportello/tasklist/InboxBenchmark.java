package org.sportello.tasklist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntSupplier;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sportello.support.MariaDbApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark (bench/inbox.sh, never part of ./mvnw verify): one page of 50 inbox rows with
 * 100,000 open tasks on MariaDB, p50/p95 of (a) our MyBatis query ordered by SLA time
 * left, (b) the same with the SLA state of each row as the inbox shows it, (c) Camunda's
 * TaskQuery (which cannot order by our SLA; ordered by creation) for comparison. The
 * tasks are written directly as rows (engine task, candidate link, case, contact, SLA
 * clock): opening 100,000 cases through the engine would take hours. Figures go to
 * app/target/bench/inbox.txt.
 */
@MariaDbApplicationTest
@Tag("bench")
class InboxBenchmark {

	private static final String[] OFFICES = { "inps-bo", "inps-bo", "inps-bo", "comune-aq-bo", "regione-bo",
			"provincia-aq-bo", "pc-bo" };

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Inbox inbox;

	@Autowired
	TaskMapper mapper;

	@Autowired
	TaskService taskService;

	@Test
	void pageOf50With100kOpenTasks() throws Exception {
		int count = Integer.getInteger("sportello.bench.tasks", 100_000);
		long start = System.nanoTime();
		seed(count);
		String seeding = String.format("seeded %d open tasks in %.0f s%n", count, (System.nanoTime() - start) / 1e9);
		List<String> groups = List.of("bo", "inps-bo");
		Random random = new Random(7);
		int inpsTasks = this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_task WHERE office_group_id = 'inps-bo'",
				Integer.class);
		IntSupplier page = () -> random.nextInt(Math.max(1, Math.min(inpsTasks, 20_000) / 50)) * 50;
		StringBuilder report = new StringBuilder(seeding);
		report.append(measure("MyBatis query, tab 'My offices', SLA order, page of 50",
				() -> this.mapper
					.inbox(InboxQuery.of(InboxTab.OFFICES, "bo-inps", groups, InboxFilter.none(), InboxSort.SLA,
							Instant.now()), page.getAsInt(), 50)
					.size()));
		report.append(measure("MyBatis query, first page, filter on citizen name", () -> this.mapper
			.inbox(InboxQuery.of(InboxTab.OFFICES, "bo-inps", groups,
					new InboxFilter(null, null, null, null, null, "rossi 4"), InboxSort.SLA, Instant.now()), 0, 50)
			.size()));
		report.append(measure("Inbox page as the view shows it (query + SLA state per row)",
				() -> this.inbox
					.page(InboxTab.OFFICES, "bo-inps", InboxFilter.none(), InboxSort.SLA, page.getAsInt(), 50)
					.size()));
		report.append(measure("Camunda TaskQuery, candidate groups, unassigned, by creation, page of 50",
				() -> this.taskService.createTaskQuery()
					.taskCandidateGroupIn(groups)
					.taskUnassigned()
					.orderByTaskCreateTime()
					.asc()
					.listPage(page.getAsInt(), 50)
					.size()));
		report.append(measure("Counting the tab (badge), MyBatis", () -> this.mapper.count(
				InboxQuery.of(InboxTab.OFFICES, "bo-inps", groups, InboxFilter.none(), InboxSort.SLA, Instant.now()))));
		report.append(measure("Counting the tab, Camunda TaskQuery",
				() -> (int) this.taskService.createTaskQuery().taskCandidateGroupIn(groups).taskUnassigned().count()));
		Path file = Path.of("target", "bench", "inbox.txt");
		Files.createDirectories(file.getParent());
		Files.writeString(file, report);
	}

	private String measure(String what, IntSupplier call) {
		for (int i = 0; i < 5; i++) {
			call.getAsInt();
		}
		int runs = 60;
		double[] millis = new double[runs];
		int rows = 0;
		for (int i = 0; i < runs; i++) {
			long t = System.nanoTime();
			rows = call.getAsInt();
			millis[i] = (System.nanoTime() - t) / 1e6;
		}
		// a measurement of an empty answer would measure nothing
		org.assertj.core.api.Assertions.assertThat(rows).as(what).isPositive();
		Arrays.sort(millis);
		return String.format("%s: p50 %.1f ms, p95 %.1f ms (%d runs, %d rows)%n", what, millis[runs / 2],
				millis[(int) Math.ceil(runs * 0.95) - 1], runs, rows);
	}

	private void seed(int count) {
		String topic = "PENSION";
		Instant now = Instant.now();
		Random random = new Random(42);
		for (int from = 0; from < count; from += 5000) {
			List<Object[]> cases = new ArrayList<>();
			List<Object[]> contacts = new ArrayList<>();
			List<Object[]> tasks = new ArrayList<>();
			List<Object[]> links = new ArrayList<>();
			List<Object[]> projection = new ArrayList<>();
			List<Object[]> clocks = new ArrayList<>();
			for (int i = from; i < Math.min(count, from + 5000); i++) {
				String caseId = UUID.randomUUID().toString();
				String taskId = "bench-" + i;
				String office = OFFICES[i % OFFICES.length];
				Timestamp created = Timestamp.from(now.minusSeconds(random.nextInt(30 * 86400)));
				Timestamp breach = Timestamp.from(now.plusSeconds(random.nextInt(20 * 86400) - 5 * 86400));
				cases.add(new Object[] { caseId, String.format("BEN-%07d", i), "x", topic, created, created });
				contacts.add(new Object[] { caseId, "Cittadino Rossi " + i });
				tasks.add(new Object[] { taskId, "Lavorazione back office", "backOfficeWork", (i % 10 == 0) ? 75 : 50,
						created });
				links.add(new Object[] { "bench-link-" + i, office, taskId });
				projection.add(new Object[] { taskId, caseId, office, created, breach });
				clocks.add(new Object[] { UUID.randomUUID().toString(), caseId, office, created, created, breach,
						breach, breach });
			}
			this.jdbc
				.batchUpdate("INSERT INTO spt_case (id, tracking_code, pin_hash, channel, topic_code, description, "
						+ "municipality, priority, status, opened_by, opened_office, created_at, updated_at, version) "
						+ "VALUES (?, ?, ?, 'PHONE', ?, 'Richiesta di prova', NULL, 'NORMAL', 'IN_LAVORAZIONE', 'fo1', "
						+ "NULL, ?, ?, 0)", cases);
			this.jdbc.batchUpdate("INSERT INTO spt_case_contact (case_id, name, phone, email, sms_consent, language) "
					+ "VALUES (?, ?, NULL, NULL, FALSE, 'it')", contacts);
			this.jdbc.batchUpdate("INSERT INTO ACT_RU_TASK (ID_, REV_, NAME_, TASK_DEF_KEY_, PRIORITY_, CREATE_TIME_, "
					+ "SUSPENSION_STATE_) VALUES (?, 1, ?, ?, ?, ?, 1)", tasks);
			this.jdbc.batchUpdate("INSERT INTO ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, TASK_ID_) "
					+ "VALUES (?, 1, ?, 'candidate', ?)", links);
			this.jdbc.batchUpdate(
					"INSERT INTO spt_task (task_id, case_id, office_group_id, created_at, sla_due) VALUES (?, ?, ?, ?, ?)",
					projection);
			this.jdbc
				.batchUpdate("INSERT INTO spt_sla_clock (id, case_id, scope, office_group_id, administration_code, "
						+ "phase, response_target_ms, resolution_target_ms, warning_ratio, level2_after_ms, started_at, "
						+ "running_since, used_ms, warning_at, breach_at, level2_at, escalation_level, version) VALUES "
						+ "(?, ?, 'OFFICE', ?, NULL, 'RUNNING', 28800000, 144000000, 0.75, 57600000, ?, ?, 0, ?, ?, ?, 0, 0)",
						clocks);
		}
	}

}
