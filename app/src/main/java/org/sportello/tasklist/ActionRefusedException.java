package org.sportello.tasklist;

/**
 * A back-office action with wrong input ({@link #field()} names it) or not possible now.
 */
public class ActionRefusedException extends RuntimeException {

	private final String field;

	private final String code;

	ActionRefusedException(String field, String code) {
		super(((field != null) ? field + ": " : "") + code);
		this.field = field;
		this.code = code;
	}

	/**
	 * The field at fault, or null when the case is simply not waiting for this official.
	 */
	public String field() {
		return this.field;
	}

	public String code() {
		return this.code;
	}

}
