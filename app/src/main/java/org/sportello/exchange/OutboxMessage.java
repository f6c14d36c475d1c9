package org.sportello.exchange;

import java.time.Instant;

/** A message waiting for, or past, delivery to a peer ({@code spt_exchange_outbox}). */
public record OutboxMessage(String id, String peerId, String exchangeId, int seq, String kind, String body,
		String status, int attempts, Instant nextAttemptAt, String lockedBy, Instant lockedUntil, String lastError,
		Instant createdAt, Instant sentAt) {
}
