package org.sportello.intake;

/**
 * One address, sender or number opened too many cases by itself in the last hour: the
 * request is refused (web form, API: 429) or dropped (email, SMS), and nothing is stored.
 */
public class SelfIntakeLimitedException extends RuntimeException {

	SelfIntakeLimitedException() {
		super("Too many requests from one source");
	}

}
