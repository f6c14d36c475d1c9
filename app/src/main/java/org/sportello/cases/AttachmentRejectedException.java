package org.sportello.cases;

/** A file that may not be attached: wrong type, too large, empty or with a bad name. */
public class AttachmentRejectedException extends RuntimeException {

	private final String reason;

	AttachmentRejectedException(String reason) {
		super("Attachment rejected: " + reason);
		this.reason = reason;
	}

	/** A message key: {@code attachment.too-large}, {@code attachment.type}, ... */
	public String reason() {
		return this.reason;
	}

}
