package org.sportello.cases;

/**
 * Published when a case's citizen-visible status changes, inside the transaction of the
 * change (listeners that write must join it).
 */
public record CaseStatusChanged(String caseId, CaseStatus from, CaseStatus to) {

	/**
	 * The status the case is opened with, in the transaction that opens it: nothing else
	 * about the case exists yet (no SMS queued, no exchange leg, no SLA clock).
	 */
	public boolean opening() {
		return this.from == null;
	}

}
