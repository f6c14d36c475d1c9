package org.sportello.reporting;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The dashboards' pre-aggregated days and months (spt_dw_sum). A fact's refresh marks its
 * opening day dirty in the fact's transaction; every few seconds each dirty day is summed
 * again from its facts, in a transaction of its own that first takes the day's marks (a
 * mark written meanwhile survives and brings the day back next time). Two nodes summing
 * the same day at once: the second fails on the first's rows (or on a lock) and leaves
 * the marks for the next round; any other failure is an error the scheduler reports. A
 * summed day also sums its month again (from the day rows), which periods of whole months
 * read.
 */
@Component
public class DailyFigures {

	private static final Logger log = LoggerFactory.getLogger(DailyFigures.class);

	private final FactMapper mapper;

	private final TransactionOperations transactions;

	private final DayMarks marks;

	private final CaseFacts facts;

	DailyFigures(FactMapper mapper, TransactionOperations transactions, DayMarks marks, CaseFacts facts) {
		this.mapper = mapper;
		this.transactions = transactions;
		this.marks = marks;
		this.facts = facts;
	}

	/** In the caller's transaction: the day's sums are to be computed again. */
	void mark(LocalDate day) {
		this.marks.mark(day);
	}

	/**
	 * Sums every dirty day again, after bringing the marked cases' facts up to date (so
	 * the sums include every change committed before the call); returns how many days.
	 */
	public int aggregate() {
		this.facts.refreshMarked();
		int days = 0;
		java.util.Set<LocalDate> months = new java.util.TreeSet<>();
		for (LocalDate day : this.mapper.dirtyDays()) {
			try {
				this.transactions.executeWithoutResult((status) -> {
					this.mapper.clearDirty(day);
					this.mapper.deleteSums("D", day);
					this.mapper.sumDays(day);
					sumMinuteDays(day);
					this.mapper.deleteOutcomes("D", day);
					this.mapper.sumOutcomeDays(day);
				});
				months.add(day.withDayOfMonth(1));
				days++;
			}
			catch (DuplicateKeyException | PessimisticLockingFailureException ex) {
				log.debug("Day {} not summed this time (another node was summing it): {}", day, ex.getMessage());
			}
		}
		for (LocalDate month : months) {
			try {
				this.transactions.executeWithoutResult((status) -> {
					this.mapper.deleteSums("M", month);
					this.mapper.sumMonths(month, month.plusMonths(1));
					this.mapper.deleteMinutes("M", month);
					this.mapper.sumMinuteMonths(month, month.plusMonths(1));
					this.mapper.deleteOutcomes("M", month);
					this.mapper.sumOutcomeMonths(month, month.plusMonths(1));
				});
			}
			catch (DuplicateKeyException | PessimisticLockingFailureException ex) {
				// another node was summing it: its first day is marked, so the next round
				// sums the month again from the day rows
				log.debug("Month {} not summed this time: {}", month, ex.getMessage());
				this.transactions.executeWithoutResult((status) -> mark(month));
			}
		}
		return days;
	}

	/** Sums every day again from all facts (after a bulk load); in one transaction. */
	void aggregateAll() {
		this.transactions.executeWithoutResult((status) -> {
			this.mapper.deleteSums("D", null);
			this.mapper.sumDays(null);
			this.mapper.deleteSums("M", null);
			this.mapper.sumMonths(null, null);
			sumMinuteDays(null);
			this.mapper.deleteMinutes("M", null);
			this.mapper.sumMinuteMonths(null, null);
			this.mapper.deleteOutcomes("D", null);
			this.mapper.sumOutcomeDays(null);
			this.mapper.deleteOutcomes("M", null);
			this.mapper.sumOutcomeMonths(null, null);
		});
	}

	/**
	 * The spans of working and calendar minutes of a day's timed facts (or all days').
	 */
	private void sumMinuteDays(LocalDate day) {
		this.mapper.deleteMinutes("D", day);
		this.mapper.sumMinuteDays(day, "W", WORKING_SPANS);
		this.mapper.sumMinuteDays(day, "C", CALENDAR_SPANS);
	}

	private static final String WORKING_SPANS = Medians.bucketOf("working_minutes");

	private static final String CALENDAR_SPANS = Medians.bucketOf("calendar_minutes");

}
