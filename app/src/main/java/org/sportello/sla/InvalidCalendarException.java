package org.sportello.sla;

/**
 * A calendar that cannot be used (overlapping hours, end before start, unknown time
 * zone...).
 */
public class InvalidCalendarException extends IllegalArgumentException {

	private final String code;

	public InvalidCalendarException(String code, String message) {
		super(message);
		this.code = code;
	}

	/** A message key for the user interface. */
	public String code() {
		return this.code;
	}

}
