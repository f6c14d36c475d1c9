package org.sportello.cases;

/**
 * Published when a case is opened, inside the transaction that opens it, with the PIN the
 * citizen is told once: the acknowledgement to a citizen who gave an email carries it.
 * The PIN is not stored anywhere else in clear.
 */
public record CaseOpened(String caseId, String trackingCode, String pin, Channel channel) {

	@Override
	public String toString() {
		// never in a log line
		return "CaseOpened[" + this.caseId + ", " + this.trackingCode + ", " + this.channel + "]";
	}

}
