package org.sportello.support;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/**
 * The timers of one case's process, for tests that move the clock: their due dates, and
 * running those due now as the job executor would (never sleeping for them).
 */
public final class CaseTimers {

	private final RuntimeService runtime;

	private final ManagementService management;

	public CaseTimers(RuntimeService runtime, ManagementService management) {
		this.runtime = runtime;
		this.management = management;
	}

	public List<Instant> dueDates(String trackingCode) {
		return this.management.createJobQuery()
			.processInstanceId(processInstance(trackingCode))
			.timers()
			.list()
			.stream()
			.map((job) -> job.getDuedate().toInstant())
			.toList();
	}

	/** Runs the case's timers that are due now; answers how many. */
	public int fireDue(String trackingCode) {
		List<Job> due = this.management.createJobQuery()
			.processInstanceId(processInstance(trackingCode))
			.timers()
			.duedateLowerThan(Date.from(ClockUtil.getCurrentTime().toInstant().plusMillis(1)))
			.list();
		due.forEach((job) -> this.management.executeJob(job.getId()));
		return due.size();
	}

	private String processInstance(String trackingCode) {
		return this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(trackingCode)
			.singleResult()
			.getId();
	}

}
