package org.sportello.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor.TaskResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sportello.cases.Cases;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * GDPR retention: every night the personal data of cases finished more than
 * {@code sportello.retention.period} ago (default 24 months, counted in Rome's calendar
 * from the case's last change) is erased, case by case, each in its own transaction
 * ({@link Cases#erasePersonalData}). One node runs the job at a time (ShedLock's row in
 * the database); a case is erased once even if two nodes overlap, since erasing it first
 * claims it.
 */
@Component
public class Retention {

	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	private static final ZoneId ROME = ZoneId.of("Europe/Rome");

	private static final int BATCH = 200;

	/** Longer than any night's run; a node that dies holding it frees it after this. */
	private static final Duration LOCK_AT_MOST = Duration.ofHours(2);

	private final Cases cases;

	private final LockingTaskExecutor locks;

	private final Clock clock;

	private final Period period;

	private final org.sportello.intake.SelfIntake selfIntake;

	private final org.sportello.callback.CallbackRequests callbacks;

	Retention(Cases cases, LockingTaskExecutor locks, Clock clock,
			@Value("${sportello.retention.period:P24M}") Period period, org.sportello.intake.SelfIntake selfIntake,
			org.sportello.callback.CallbackRequests callbacks) {
		this.callbacks = callbacks;
		this.selfIntake = selfIntake;
		this.cases = cases;
		this.locks = locks;
		this.clock = clock;
		this.period = period;
	}

	@Scheduled(cron = "${sportello.retention.cron:0 30 2 * * *}", zone = "Europe/Rome")
	void nightly() {
		run();
	}

	/** What a run did: erased cases, or skipped because another node holds the job. */
	public record Outcome(boolean ran, int erased) {
	}

	public Outcome run() {
		// the lock's times are real elapsed time between nodes (ShedLock's own clock),
		// not
		// the business clock that tests and the demo move
		LockConfiguration lock = new LockConfiguration(ClockProvider.now(), "retention", LOCK_AT_MOST, Duration.ZERO);
		try {
			TaskResult<Integer> result = this.locks.executeWithLock(this::eraseDue, lock);
			return new Outcome(result.wasExecuted(), result.wasExecuted() ? result.getResult() : 0);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The cut-off: cases whose last change is before it are erased. */
	public Instant cutoff() {
		return ZonedDateTime.now(this.clock.withZone(ROME)).minus(this.period).toInstant();
	}

	private int eraseDue() {
		// the citizens' own openings are counted for an hour (the limits), kept a day
		this.selfIntake.purge();
		Instant before = cutoff();
		this.callbacks.eraseFinishedBefore(before);
		int erased = 0;
		while (true) {
			List<String> due = this.cases.finishedBefore(before, BATCH);
			int batch = 0;
			for (String caseId : due) {
				if (this.cases.erasePersonalData(caseId)) {
					batch++;
				}
			}
			erased += batch;
			// a batch smaller than asked is the last; one where every case was already
			// claimed elsewhere cannot make progress here
			if (due.size() < BATCH || batch == 0) {
				break;
			}
		}
		if (erased > 0) {
			log.info("Retention: personal data of {} finished cases erased (last change before {})", erased, before);
		}
		return erased;
	}

}
