package org.sportello.notify;

import java.time.Instant;

import org.sportello.cases.CaseStatus;

/**
 * One SMS of the outbox (table spt_sms_message); see V7__citizen_side.sql for statuses.
 */
public record SmsMessage(String id, String caseId, String toNumber, String body, CaseStatus caseStatus, Status status,
		int attempts, Instant nextAttemptAt, String lockedBy, Instant lockedUntil, String providerSid, String lastError,
		Instant createdAt, Instant sentAt, Instant updatedAt, int version) {

	public enum Status {

		QUEUED, SENDING, SENT, DELIVERED, UNDELIVERED, FAILED, REJECTED, LOCAL

	}

}
