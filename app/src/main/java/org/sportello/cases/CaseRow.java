package org.sportello.cases;

import java.time.Instant;

/** A row of spt_case. */
public record CaseRow(String id, String trackingCode, String pinHash, Channel channel, String topicCode,
		String description, String municipality, String priority, CaseStatus status, String openedBy,
		String openedOffice, Instant createdAt, Instant updatedAt, int version) {
}
