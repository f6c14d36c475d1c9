package org.sportello.tasklist;

import java.time.Instant;

/**
 * One row of the inbox query (our task row, its case and contact; or, for a task without
 * a case, its subject).
 */
record InboxRow(String taskId, String caseId, String trackingCode, String topicCode, String channel,
		String administrationCode, String officeGroupId, Instant createdAt, Instant breachAt, String citizenName,
		String subject) {
}
