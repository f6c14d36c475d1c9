package org.sportello.tasklist;

/**
 * The task changed under the official's hands: someone else claimed it, or it is no
 * longer open. {@code code} is a message key, {@code detail} (who) may be null.
 */
public class TaskConflictException extends RuntimeException {

	private final String code;

	private final String detail;

	public TaskConflictException(String code, String detail) {
		super(code + ((detail != null) ? ": " + detail : ""));
		this.code = code;
		this.detail = detail;
	}

	public String code() {
		return this.code;
	}

	public String detail() {
		return this.detail;
	}

}
