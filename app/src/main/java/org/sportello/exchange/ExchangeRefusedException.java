package org.sportello.exchange;

/**
 * A message refused: the HTTP status, a short code ({@code signature}, {@code stale},
 * {@code replayed}...), the field or header at fault and what to do.
 */
class ExchangeRefusedException extends RuntimeException {

	private final int status;

	private final String code;

	private final String field;

	ExchangeRefusedException(int status, String code, String field, String detail) {
		super(detail);
		this.status = status;
		this.code = code;
		this.field = field;
	}

	int status() {
		return this.status;
	}

	String code() {
		return this.code;
	}

	String field() {
		return this.field;
	}

}
