package org.sportello.notify;

/**
 * A send that did not go through: transient (try again later) or permanent (invalid
 * number, opted out at the carrier: never retried).
 */
class SmsSendException extends RuntimeException {

	private final boolean permanent;

	SmsSendException(String message, boolean permanent, Throwable cause) {
		super(message, cause);
		this.permanent = permanent;
	}

	boolean permanent() {
		return this.permanent;
	}

}
