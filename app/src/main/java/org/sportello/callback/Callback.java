package org.sportello.callback;

import java.time.Instant;

/** A call-back request (spt_callback): whom to call, when they prefer, how it went. */
public record Callback(String id, String phone, Slot slot, String language, String channel, Status status, int attempts,
		String note, Instant createdAt, Instant updatedAt) {

	/** When the citizen prefers to be called. */
	public enum Slot {

		MORNING, AFTERNOON, ANY

	}

	public enum Status {

		WAITING, REACHED, NOT_REACHED

	}

}
