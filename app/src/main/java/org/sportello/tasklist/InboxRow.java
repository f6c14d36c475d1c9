package org.sportello.tasklist;

import java.time.Instant;

/** One row of the inbox query (engine task, our case, its office's SLA clock). */
record InboxRow(String taskId, String caseId, String trackingCode, String topicCode, String channel,
		String administrationCode, String officeGroupId, String taskName, String taskKey, String assignee,
		String ownerId, String delegation, int priority, Instant createdAt, Instant followUp, Instant breachAt,
		String citizenName) {
}
