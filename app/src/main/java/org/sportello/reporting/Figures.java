package org.sportello.reporting;

/**
 * The warehouse's figures for a group of cases ({@code label}: a front office, an
 * administration, a topic, a channel, a month yyyymm, or "total"): how many were opened,
 * finished, closed on the spot (of which with a knowledge-base article), finished within
 * their SLA or breached it, and rated; working and calendar minutes are sums over the
 * finished cases that have them.
 */
public record Figures(String label, String administration, long cases, long finished, long closedAtFrontOffice,
		long withArticle, long timedCases, long workingMinutes, long calendarMinutes, long slaMet, long slaBreached,
		long positive, long neutral, long negative, long responded, long responseMinutes) {

	static final Figures NONE = new Figures("total", null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

	/** Mean working minutes to the first response, over the cases that had one. */
	public Long meanResponseMinutes() {
		return (this.responded == 0) ? null : Math.round((double) this.responseMinutes / this.responded);
	}

	/** Share of the cases closed at the front office, 0..1 (0 without cases). */
	public double closureRate() {
		return share(this.closedAtFrontOffice, this.cases);
	}

	/** Share of the front office's closures made with an article's answer. */
	public double articleRate() {
		return share(this.withArticle, this.closedAtFrontOffice);
	}

	/** Share of the finished cases that kept their SLA. */
	public double slaRate() {
		return share(this.slaMet, this.finished);
	}

	public long rated() {
		return this.positive + this.neutral + this.negative;
	}

	public double positiveRate() {
		return share(this.positive, rated());
	}

	public double neutralRate() {
		return share(this.neutral, rated());
	}

	public double negativeRate() {
		return share(this.negative, rated());
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
