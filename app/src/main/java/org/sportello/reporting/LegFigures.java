package org.sportello.reporting;

/**
 * The office legs of a period per office (front or back office): how many, finished, with
 * a first response, the working minutes summed over those, SLA breached, highest
 * escalation.
 */
public record LegFigures(String officeGroupId, String administrationCode, long legs, long finished, long responded,
		long responseMinutes, long timed, long workingMinutes, long slaBreached, int maxEscalation) {

	public Long meanResponseMinutes() {
		return (this.responded == 0) ? null : Math.round((double) this.responseMinutes / this.responded);
	}

	public Long meanWorkingMinutes() {
		return (this.timed == 0) ? null : Math.round((double) this.workingMinutes / this.timed);
	}

	/** Share of the finished legs that kept their SLA. */
	public double slaRate() {
		return (this.finished == 0) ? 0 : (double) Math.max(0, this.finished - this.slaBreached) / this.finished;
	}

}
