package org.sportello.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.sportello.sla.SlaSweep;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What falls due on one case, for tests that move the clock: the engine's timers of its
 * process and the SLA steps of its offices' clocks; their due dates, and taking those due
 * now as the job executor and the SLA sweep would (never sleeping for them).
 */
public final class CaseTimers {

	private final RuntimeService runtime;

	private final ManagementService management;

	private final SlaSweep sweep;

	private final JdbcTemplate jdbc;

	public CaseTimers(RuntimeService runtime, ManagementService management, SlaSweep sweep, JdbcTemplate jdbc) {
		this.runtime = runtime;
		this.management = management;
		this.sweep = sweep;
		this.jdbc = jdbc;
	}

	/** The due dates of the engine's timers and of the SLA steps not taken yet. */
	public List<Instant> dueDates(String trackingCode) {
		List<Instant> dates = new ArrayList<>(timerDueDates(trackingCode));
		dates.addAll(slaDueDates(trackingCode));
		return dates;
	}

	/** The due dates of the engine's timers of the case's process. */
	private List<Instant> timerDueDates(String trackingCode) {
		return this.management.createJobQuery()
			.processInstanceId(processInstance(trackingCode))
			.timers()
			.list()
			.stream()
			.map((job) -> job.getDuedate().toInstant())
			.toList();
	}

	/**
	 * The instants of the SLA steps not taken yet on the offices' running clocks:
	 * warning, breach (level 1), level 2.
	 */
	public List<Instant> slaDueDates(String trackingCode) {
		List<Instant> dates = new ArrayList<>();
		this.jdbc.query("SELECT k.warning_at, k.breach_at, k.level2_at, k.warned_at, k.escalation_level "
				+ "FROM spt_sla_clock k JOIN spt_case c ON c.id = k.case_id WHERE c.tracking_code = ? "
				+ "AND k.scope = 'OFFICE' AND k.phase = 'RUNNING'", (row) -> {
					if (row.getTimestamp("warned_at") == null) {
						add(dates, row.getTimestamp("warning_at"));
					}
					int level = row.getInt("escalation_level");
					if (level < 1) {
						add(dates, row.getTimestamp("breach_at"));
					}
					if (level < 2) {
						add(dates, row.getTimestamp("level2_at"));
					}
				}, trackingCode);
		return dates;
	}

	/**
	 * Runs the case's timers and takes its SLA steps that are due now; answers how many.
	 */
	public int fireDue(String trackingCode) {
		List<Job> due = this.management.createJobQuery()
			.processInstanceId(processInstance(trackingCode))
			.timers()
			.duedateLowerThan(Date.from(ClockUtil.getCurrentTime().toInstant().plusMillis(1)))
			.list();
		due.forEach((job) -> this.management.executeJob(job.getId()));
		String caseId = this.jdbc.queryForObject("SELECT id FROM spt_case WHERE tracking_code = ?", String.class,
				trackingCode);
		return due.size() + this.sweep.runDueOf(caseId);
	}

	private static void add(List<Instant> dates, Timestamp at) {
		if (at != null) {
			dates.add(at.toInstant());
		}
	}

	private String processInstance(String trackingCode) {
		return this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(trackingCode)
			.processDefinitionKey("citizenRequest")
			.singleResult()
			.getId();
	}

}
