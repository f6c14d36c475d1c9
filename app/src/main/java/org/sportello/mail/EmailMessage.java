package org.sportello.mail;

import java.time.Instant;

/**
 * One email of the outbox (table spt_email_message; statuses in V23__email_channel.sql).
 */
public record EmailMessage(String id, String caseId, String toAddress, String kind, String language, String subject,
		String body, String pin, Status status, int attempts, Instant nextAttemptAt, String lockedBy,
		Instant lockedUntil, String messageId, String lastError, Instant createdAt, Instant sentAt, Instant updatedAt) {

	public enum Status {

		QUEUED, SENDING, SENT, FAILED, REJECTED, LOCAL

	}

	@Override
	public String toString() {
		return "EmailMessage[" + this.id + ", " + this.kind + ", " + this.status + "]";
	}

}
