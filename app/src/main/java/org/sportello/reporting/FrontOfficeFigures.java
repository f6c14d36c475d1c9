package org.sportello.reporting;

/**
 * How many cases a front office (or a month, or everything: {@code label}) opened, closed
 * on the spot and closed with a knowledge-base article; working and calendar minutes are
 * the sums over the finished cases that have them.
 */
public record FrontOfficeFigures(String label, String administration, long cases, long finished,
		long closedAtFrontOffice, long withArticle, long timedCases, long workingMinutes, long calendarMinutes) {

	/** Share of the cases closed at the front office, 0..1 (0 without cases). */
	public double closureRate() {
		return share(this.closedAtFrontOffice, this.cases);
	}

	/** Share of the front office's closures made with an article's answer. */
	public double articleRate() {
		return share(this.withArticle, this.closedAtFrontOffice);
	}

	/** Mean working minutes from opening to the final status, or null. */
	public Long meanWorkingMinutes() {
		return (this.timedCases == 0) ? null : Math.round((double) this.workingMinutes / this.timedCases);
	}

	public Long meanCalendarMinutes() {
		return (this.timedCases == 0) ? null : Math.round((double) this.calendarMinutes / this.timedCases);
	}

	private static double share(long part, long whole) {
		return (whole == 0) ? 0 : (double) part / whole;
	}

}
