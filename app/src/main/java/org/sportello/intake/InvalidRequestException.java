package org.sportello.intake;

/**
 * Input that passed the field checks but is still wrong (unknown topic...); a 400 naming
 * the field.
 */
public class InvalidRequestException extends RuntimeException {

	private final String field;

	private final String code;

	InvalidRequestException(String field, String code) {
		super(field + ": " + code);
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
