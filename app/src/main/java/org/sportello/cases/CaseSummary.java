package org.sportello.cases;

import java.time.Instant;

/** A row of the case search: enough to recognise the case and open it. */
public record CaseSummary(String id, String trackingCode, CaseStatus status, String topicCode, Channel channel,
		String citizenName, Instant createdAt, Instant updatedAt) {
}
