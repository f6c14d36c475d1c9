package org.sportello.portal;

import java.time.Duration;

/**
 * Too many wrong code/PIN pairs from one address: try again after {@link #retryAfter()}.
 */
public class TooManyAttemptsException extends RuntimeException {

	private final Duration retryAfter;

	TooManyAttemptsException(Duration retryAfter) {
		super("too many attempts");
		this.retryAfter = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
