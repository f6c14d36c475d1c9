package org.sportello.sla;

/**
 * A calendar that cannot be used (overlapping hours, end before start, unknown time
 * zone...).
 */
public class InvalidCalendarException extends IllegalArgumentException {

	private final String code;

	private final String value;

	public InvalidCalendarException(String code, String message) {
		this(code, null, message);
	}

	/**
	 * @param value what the user wrote that is wrong (shown in the message the user
	 * reads), or null
	 * @param message the same in words for logs and the API
	 */
	public InvalidCalendarException(String code, String value, String message) {
		super(message);
		this.code = code;
		this.value = value;
	}

	/** The input that is wrong, as the user wrote it (empty when none). */
	public String value() {
		return (this.value != null) ? this.value : "";
	}

	/** A message key for the user interface. */
	public String code() {
		return this.code;
	}

}
