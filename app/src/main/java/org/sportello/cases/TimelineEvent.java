package org.sportello.cases;

import java.time.Instant;

/**
 * One event of a case's timeline.
 *
 * @param citizenVisible whether the public tracking page may show it (never with actor or
 * office)
 */
public record TimelineEvent(String id, String caseId, Instant occurredAt, EventType eventType, CaseStatus status,
		String actor, String office, String administrationCode, boolean citizenVisible, String detail) {

	public enum EventType {

		OPENED, STATUS_CHANGED, ASSIGNED, TASK_COMPLETED, TRANSFERRED, CITIZEN_REPLIED, SLA_WARNING, SLA_ESCALATED,
		SMS_FAILED, RATED, DOCUMENTS_REMINDED, DOCUMENTS_OVERDUE, PERSONAL_DATA_ERASED, EMAIL_FAILED, RECLASSIFIED,
		DISTRIBUTED, EXCHANGED

	}

}
