package org.sportello.callback;

/** A call-back request with a field that is not usable: 400 naming it. */
public class InvalidCallbackException extends RuntimeException {

	private final String field;

	InvalidCallbackException(String field) {
		super("Invalid call-back request: " + field);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
