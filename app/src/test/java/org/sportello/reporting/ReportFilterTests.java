package org.sportello.reporting;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which months of a period are read from the month sums, and which days from the day
 * sums.
 */
class ReportFilterTests {

	@Test
	void wholeMonthsInsideThePeriod() {
		assertWhole("2030-09-01", "2030-12-31", "2030-09-01", "2031-01-01");
		assertWhole("2030-09-15", "2030-12-20", "2030-10-01", "2030-12-01");
		assertWhole("2030-09-15", "2030-10-31", "2030-10-01", "2030-11-01");
		// none: the start is not before the end, every day comes from the day sums
		assertWhole("2030-09-15", "2030-09-20", "2030-10-01", "2030-09-01");
		assertWhole("2030-02-01", "2030-02-28", "2030-02-01", "2030-03-01");
	}

	@Test
	void aPeriodEndsOnItsFirstDayOrLater() {
		assertThatThrownBy(() -> new ReportFilter(LocalDate.of(2030, 1, 2), LocalDate.of(2030, 1, 1), null))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static void assertWhole(String from, String to, String wholeFrom, String wholeUntil) {
		ReportFilter filter = new ReportFilter(LocalDate.parse(from), LocalDate.parse(to), null);
		assertThat(filter.wholeMonthsFrom()).isEqualTo(LocalDate.parse(wholeFrom));
		assertThat(filter.wholeMonthsUntil()).isEqualTo(LocalDate.parse(wholeUntil));
	}

}
