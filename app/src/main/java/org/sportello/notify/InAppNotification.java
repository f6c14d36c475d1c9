package org.sportello.notify;

import java.time.Instant;

/**
 * A message shown to officials in the application (never to citizens).
 *
 * @param recipientUser the official, or {@code null} when addressed to a group
 * @param recipientGroup the office or role group, or {@code null} when addressed to a
 * user
 * @param trackingCode the case's tracking code (for a link)
 */
public record InAppNotification(String id, String recipientUser, String recipientGroup, String caseId,
		String trackingCode, Kind kind, String detail, Instant createdAt) {

	public enum Kind {

		SLA_WARNING, SLA_ESCALATED

	}

}
