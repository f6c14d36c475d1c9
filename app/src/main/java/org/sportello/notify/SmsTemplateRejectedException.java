package org.sportello.notify;

/** A template that cannot be used; {@code code} names why, {@code detail} shows what. */
public class SmsTemplateRejectedException extends RuntimeException {

	private final String code;

	private final String detail;

	public SmsTemplateRejectedException(String code, String detail) {
		super(code + ": " + detail);
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
