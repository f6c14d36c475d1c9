package org.sportello.reporting;

import java.time.LocalDate;

/**
 * What a report looks at: cases opened from one day to another (both included,
 * Europe/Rome) and, optionally, one administration of the reader's scope.
 */
public record ReportFilter(LocalDate from, LocalDate to, String administration) {

	public ReportFilter {
		if (from == null || to == null || to.isBefore(from)) {
			throw new IllegalArgumentException("the period must go from a day to the same day or later");
		}
	}

}
