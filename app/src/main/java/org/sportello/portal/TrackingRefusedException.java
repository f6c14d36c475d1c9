package org.sportello.portal;

/**
 * Unknown tracking code or wrong PIN: deliberately one exception, one message, so that
 * nobody can learn which codes exist.
 */
public class TrackingRefusedException extends RuntimeException {

	TrackingRefusedException() {
		super("unknown code or wrong PIN");
	}

}
