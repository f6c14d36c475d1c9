package org.sportello.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a back office asked the citizen to send: document kinds (codes of the form's
 * list), the official's message, and by when (the end of {@code dueOn} on the office's
 * calendar).
 *
 * @param remindAt when the reminder SMS goes, or null when the delay is too short for one
 */
public record DocumentRequest(String id, String caseId, String officeGroupId, String administrationCode,
		List<String> documents, String message, Instant requestedAt, int workingDays, LocalDate dueOn, Instant dueAt,
		Instant remindAt, Instant remindedAt, Status status, Instant closedAt) {

	public enum Status {

		/** Waiting for the citizen. */
		OPEN,
		/** The citizen replied (on the tracking page or through the front office). */
		ANSWERED,
		/** Nothing came by the due date: the office has the case back. */
		EXPIRED

	}

	public boolean isOpen() {
		return this.status == Status.OPEN;
	}

}
