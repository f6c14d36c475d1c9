package org.sportello.documents;

/**
 * A citizen's reply that cannot be taken: {@code field} names the input that is wrong; a
 * null field means the case is not waiting for the citizen.
 */
public class ReplyRefusedException extends RuntimeException {

	private final String field;

	private final String code;

	ReplyRefusedException(String field, String code) {
		super(((field != null) ? field + ": " : "") + code);
		this.field = field;
		this.code = code;
	}

	public String field() {
		return this.field;
	}

	public String code() {
		return this.code;
	}

}
