package org.sportello.reporting;

import java.time.LocalDate;

/**
 * What a report looks at: cases opened from one day to another (both included,
 * Europe/Rome) and, optionally, one administration of the reader's scope, one topic, one
 * channel (codes; null: all).
 */
public record ReportFilter(LocalDate from, LocalDate to, String administration, String topic, String channel) {

	public ReportFilter(LocalDate from, LocalDate to, String administration) {
		this(from, to, administration, null, null);
	}

	/**
	 * Whether a topic or channel narrows it (the spans of minutes are not kept by them).
	 */
	public boolean byTopicOrChannel() {
		return this.topic != null || this.channel != null;
	}

	/**
	 * The first day of the first month wholly inside the period (a getter: the SQL reads
	 * it as {@code filter.wholeMonthsFrom}).
	 */
	public LocalDate wholeMonthsFrom() {
		return (this.from.getDayOfMonth() == 1) ? this.from : this.from.withDayOfMonth(1).plusMonths(1);
	}

	/**
	 * The first day after the last month wholly inside the period (not after
	 * {@link #wholeMonthsFrom()} when there is none).
	 */
	public LocalDate wholeMonthsUntil() {
		return this.to.plusDays(1).withDayOfMonth(1);
	}

	public ReportFilter {
		if (from == null || to == null || to.isBefore(from)) {
			throw new IllegalArgumentException("the period must go from a day to the same day or later");
		}
	}

}
