package org.sportello.sla;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * A stored SLA clock (table spt_sla_clock). Working time used is {@code usedMs} plus the
 * working time since {@code runningSince} while the clock runs.
 */
record SlaClockRow(String id, String caseId, Scope scope, String officeGroupId, String administrationCode, Phase phase,
		long responseTargetMs, long resolutionTargetMs, BigDecimal warningRatio, long level2AfterMs, Instant startedAt,
		Instant runningSince, long usedMs, Instant respondedAt, Long responseUsedMs, Instant warningAt,
		Instant breachAt, Instant level2At, Instant warnedAt, Instant breachedAt, int escalationLevel, Instant endedAt,
		int version) {

	/** CASE: the whole request; OFFICE: one office's part of it. */
	enum Scope {

		CASE, OFFICE

	}

	/**
	 * RUNNING: the office holds an open task; WAITING: paused for the citizen; DONE:
	 * finished (or between offices, for the case clock never).
	 */
	enum Phase {

		RUNNING, WAITING, DONE

	}

	SlaTarget target() {
		return new SlaTarget(Duration.ofMillis(this.responseTargetMs), Duration.ofMillis(this.resolutionTargetMs),
				this.warningRatio.doubleValue(), Duration.ofMillis(this.level2AfterMs));
	}

	/** Running from {@code since} with {@code used} already spent and these due dates. */
	SlaClockRow running(String office, String administration, long resolutionTarget, Instant since, long used,
			Deadlines due) {
		return new SlaClockRow(this.id, this.caseId, this.scope, office, administration, Phase.RUNNING,
				this.responseTargetMs, resolutionTarget, this.warningRatio, this.level2AfterMs, this.startedAt, since,
				used, this.respondedAt, this.responseUsedMs, due.warningAt(), due.breachAt(), due.level2At(),
				this.warnedAt, this.breachedAt, this.escalationLevel, null, this.version);
	}

	/** Not running any more (waiting or done) with {@code used} spent. */
	SlaClockRow stopped(Phase phase, long used, Instant endedAt) {
		return new SlaClockRow(this.id, this.caseId, this.scope, this.officeGroupId, this.administrationCode, phase,
				this.responseTargetMs, this.resolutionTargetMs, this.warningRatio, this.level2AfterMs, this.startedAt,
				null, used, this.respondedAt, this.responseUsedMs, null, null, null, this.warnedAt, this.breachedAt,
				this.escalationLevel, endedAt, this.version);
	}

	SlaClockRow responded(Instant at, long used) {
		return new SlaClockRow(this.id, this.caseId, this.scope, this.officeGroupId, this.administrationCode,
				this.phase, this.responseTargetMs, this.resolutionTargetMs, this.warningRatio, this.level2AfterMs,
				this.startedAt, this.runningSince, this.usedMs, at, used, this.warningAt, this.breachAt, this.level2At,
				this.warnedAt, this.breachedAt, this.escalationLevel, this.endedAt, this.version);
	}

	/**
	 * Held by another office (the case clock follows the case), due dates to recompute.
	 */
	SlaClockRow relocated(String office, String administration, long resolutionTarget) {
		return new SlaClockRow(this.id, this.caseId, this.scope, office, administration, this.phase,
				this.responseTargetMs, resolutionTarget, this.warningRatio, this.level2AfterMs, this.startedAt,
				this.runningSince, this.usedMs, this.respondedAt, this.responseUsedMs, null, null, null, this.warnedAt,
				this.breachedAt, this.escalationLevel, this.endedAt, this.version);
	}

}
