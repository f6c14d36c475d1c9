package org.sportello.tasklist;

import java.time.Duration;
import java.time.Instant;

import org.sportello.sla.SlaState;

/**
 * A task in an inbox, with the SLA of its office on the case.
 *
 * @param slaLeft working time left before the office's target ({@code null} without a
 * clock)
 * @param subject what a task without a case is about (an article's question), else
 * {@code null}
 * @param delegated whether it was delegated to the assignee and waits to be resolved
 */
public record InboxItem(String taskId, String caseId, String trackingCode, String topicCode, String channel,
		String administrationCode, String officeGroupId, String taskName, String taskKey, String assignee, String owner,
		boolean delegated, int priority, Instant createdAt, Instant followUp, SlaState sla, Duration slaLeft,
		String citizenName, String subject) {
}
