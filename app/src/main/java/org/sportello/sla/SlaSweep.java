package org.sportello.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Takes the SLA steps that fell due: for every office clock whose warning, breach or
 * level-2 instant has passed and whose step was not taken yet, the step of
 * {@link SlaEscalation}. Clocks are read from the index on their next due instant, a
 * batch per transaction, so a peak of thousands of breaches falling due together (an
 * earthquake, a grants deadline) is a few dozen transactions rather than one engine job
 * each (docs/decisions/0029-sla-steps-by-sweep.md).
 * <p>
 * The clocks fall in {@value #PARTITIONS} partitions, swept in parallel by
 * {@code sportello.sla.sweep-threads} workers; a partition's batch holds the partition's
 * lock row, so across a cluster one worker sweeps it at a time. A step is taken once in
 * any case: its clock records it in the same transaction, conditionally.
 */
@Component
public class SlaSweep {

	/**
	 * Clocks per transaction: large enough to batch, short enough not to hold locks long.
	 */
	static final int BATCH = 200;

	/** As many lock rows in spt_sweep_lock, and {@link SlaClockMapper#PARTITION}. */
	static final int PARTITIONS = 4;

	private static final Logger log = LoggerFactory.getLogger(SlaSweep.class);

	private final SlaClockMapper mapper;

	private final SlaEscalation escalation;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final TaskRaises raises;

	private final SlaClocks clocks;

	private final ExecutorService workers;

	SlaSweep(SlaClockMapper mapper, SlaClocks clocks, SlaEscalation escalation, TaskRaises raises,
			TransactionOperations transactions, Clock clock, @Value("${sportello.sla.sweep-threads:2}") int threads) {
		this.mapper = mapper;
		this.clocks = clocks;
		this.raises = raises;
		this.escalation = escalation;
		this.transactions = transactions;
		this.clock = clock;
		AtomicInteger count = new AtomicInteger();
		this.workers = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, PARTITIONS)),
				(task) -> new Thread(task, "sla-sweep-" + count.incrementAndGet()));
	}

	/**
	 * Takes every step due now, each partition batch after batch; answers how many steps
	 * were taken.
	 */
	public int runDue() {
		List<Future<Integer>> partitions = IntStream.range(0, PARTITIONS)
			.mapToObj((partition) -> this.workers.submit(() -> runDue(partition)))
			.toList();
		int taken = 0;
		for (Future<Integer> partition : partitions) {
			try {
				taken += partition.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return taken;
			}
			catch (ExecutionException ex) {
				log.warn("An SLA sweep partition failed, to be tried again: {}", ex.getCause().toString());
			}
		}
		return taken;
	}

	/**
	 * Takes the steps of one case due now (tests, and a support tool); answers how many.
	 */
	public int runDueOf(String caseId) {
		Instant now = this.clock.instant();
		int taken = 0;
		for (SlaClockRow row : this.mapper.dueOf(caseId, now)) {
			taken += takeOne(row, now);
		}
		return taken;
	}

	/** How many clocks have a step due now. */
	public long countDue() {
		return this.mapper.countDue(this.clock.instant());
	}

	/** The partition of a clock, as {@link SlaClockMapper#PARTITION} computes it. */
	static int partitionOf(String clockId) {
		return clockId.charAt(clockId.length() - 1) % PARTITIONS;
	}

	private int runDue(int partition) {
		int taken = 0;
		while (true) {
			Instant now = this.clock.instant();
			// an idle sweep costs one probe of the index, without the lock
			if (this.mapper.due(now, partition, 1).isEmpty()) {
				return taken;
			}
			Batch batch;
			try {
				batch = this.transactions.execute((status) -> {
					this.mapper.lockSweep(partition);
					return take(this.mapper.due(now, partition, BATCH), now);
				});
			}
			catch (RuntimeException ex) {
				// one clock's step failed (its task changed meanwhile, a broken office
				// row): the others must not wait for it
				log.warn("An SLA sweep batch failed, its clocks are taken one by one: {}", ex.toString());
				for (SlaClockRow row : this.mapper.due(now, partition, BATCH)) {
					taken += takeOne(row, now);
				}
				return taken;
			}
			taken += batch.steps();
			if (batch.clocks() < BATCH || batch.steps() == 0) {
				return taken;
			}
		}
	}

	private int takeOne(SlaClockRow row, Instant now) {
		try {
			return this.transactions.execute((status) -> {
				this.mapper.lockSweep(partitionOf(row.id()));
				return take(this.mapper.dueClock(row.id(), now).stream().toList(), now).steps();
			});
		}
		catch (RuntimeException ex) {
			// tried again at the next sweep; the clock's id says which, never personal
			// data
			log.warn("SLA step of clock {} failed, to be tried again: {}", row.id(), ex.toString());
			return 0;
		}
	}

	private Batch take(List<SlaClockRow> due, Instant now) {
		int steps = 0;
		List<TaskRaises.Raise> raises = new ArrayList<>();
		for (SlaClockRow row : due) {
			// the steps read this row instead of reading it again
			this.clocks.remember(row);
			if (row.warnedAt() == null && isDue(row.warningAt(), now)) {
				this.escalation.warn(row.caseId(), row.officeGroupId());
				steps++;
			}
			if (row.escalationLevel() < 1 && isDue(row.breachAt(), now)) {
				this.escalation.escalate(row.caseId(), row.officeGroupId(), raises);
				steps++;
			}
			if (row.escalationLevel() < 2 && isDue(row.level2At(), now)) {
				this.escalation.escalateToHub(row.caseId(), row.officeGroupId(), raises);
				steps++;
			}
		}
		this.raises.apply(raises);
		return new Batch(due.size(), steps);
	}

	private static boolean isDue(Instant at, Instant now) {
		return at != null && !at.isAfter(now);
	}

	@PreDestroy
	void stop() {
		this.workers.shutdownNow();
	}

	private record Batch(int clocks, int steps) {
	}

}
