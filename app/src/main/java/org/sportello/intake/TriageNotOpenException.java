package org.sportello.intake;

/**
 * The case is not (or no longer) waiting for the front office, or another operator holds
 * it.
 */
public class TriageNotOpenException extends RuntimeException {

	TriageNotOpenException(String trackingCode) {
		super("Case " + trackingCode + " is not waiting for this front office");
	}

}
