package org.sportello.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Takes the SLA steps that fell due: for every office clock whose warning, breach or
 * level-2 instant has passed and whose step was not taken yet, the step of
 * {@link SlaEscalation}. Clocks are read from the index on their next due instant, a
 * batch per transaction, so a peak of thousands of breaches falling due together (an
 * earthquake, a grants deadline) is a few hundred transactions rather than one engine job
 * each (docs/decisions/0029-sla-steps-by-sweep.md). A sweep's transaction holds the sweep
 * lock row: one node sweeps at a time, and a step is taken once because its clock records
 * it in the same transaction.
 */
@Component
public class SlaSweep {

	/**
	 * Clocks per transaction: large enough to batch, short enough not to hold locks long.
	 */
	static final int BATCH = 200;

	private static final Logger log = LoggerFactory.getLogger(SlaSweep.class);

	private final SlaClockMapper mapper;

	private final SlaEscalation escalation;

	private final TransactionOperations transactions;

	private final Clock clock;

	SlaSweep(SlaClockMapper mapper, SlaEscalation escalation, TransactionOperations transactions, Clock clock) {
		this.mapper = mapper;
		this.escalation = escalation;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Takes every step due now, batch after batch; answers how many steps were taken. */
	public int runDue() {
		int taken = 0;
		while (true) {
			Instant now = this.clock.instant();
			// an idle sweep costs one probe of the index, without the lock
			if (this.mapper.due(now, 1).isEmpty()) {
				return taken;
			}
			Batch batch;
			try {
				batch = this.transactions.execute((status) -> {
					this.mapper.lockSweep();
					return take(this.mapper.due(now, BATCH), now);
				});
			}
			catch (RuntimeException ex) {
				// one clock's step failed (a task changed meanwhile, a broken office
				// row):
				// the others must not wait for it
				log.warn("An SLA sweep batch failed, its clocks are taken one by one: {}", ex.toString());
				return taken + oneByOne(now);
			}
			taken += batch.steps();
			if (batch.clocks() < BATCH || batch.steps() == 0) {
				return taken;
			}
		}
	}

	/**
	 * Takes the steps of one case due now (tests, and a support tool); answers how many.
	 */
	public int runDueOf(String caseId) {
		Instant now = this.clock.instant();
		Batch batch = this.transactions.execute((status) -> {
			this.mapper.lockSweep();
			return take(this.mapper.dueOf(caseId, now), now);
		});
		return batch.steps();
	}

	/** How many clocks have a step due now. */
	public long countDue() {
		return this.mapper.countDue(this.clock.instant());
	}

	private int oneByOne(Instant now) {
		int taken = 0;
		for (SlaClockRow row : this.mapper.due(now, BATCH)) {
			try {
				taken += this.transactions.execute((status) -> {
					this.mapper.lockSweep();
					return take(this.mapper.dueOf(row.caseId(), now)
						.stream()
						.filter((clock) -> clock.id().equals(row.id()))
						.toList(), now).steps();
				});
			}
			catch (RuntimeException ex) {
				// tried again at the next sweep; the clock's id says which, never
				// personal
				// data
				log.warn("SLA step of clock {} failed, to be tried again: {}", row.id(), ex.toString());
			}
		}
		return taken;
	}

	private Batch take(List<SlaClockRow> due, Instant now) {
		int steps = 0;
		for (SlaClockRow row : due) {
			if (row.warnedAt() == null && isDue(row.warningAt(), now)) {
				this.escalation.warn(row.caseId(), row.officeGroupId());
				steps++;
			}
			if (row.escalationLevel() < 1 && isDue(row.breachAt(), now)) {
				this.escalation.escalate(row.caseId(), row.officeGroupId());
				steps++;
			}
			if (row.escalationLevel() < 2 && isDue(row.level2At(), now)) {
				this.escalation.escalateToHub(row.caseId(), row.officeGroupId());
				steps++;
			}
		}
		return new Batch(due.size(), steps);
	}

	private static boolean isDue(Instant at, Instant now) {
		return at != null && !at.isAfter(now);
	}

	private record Batch(int clocks, int steps) {
	}

}
