package org.sportello.exchange;

/** A peer's settings that cannot be saved: the field and why (a message key's tail). */
public class InvalidPeerException extends RuntimeException {

	private final String field;

	private final String code;

	public InvalidPeerException(String field, String code) {
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
