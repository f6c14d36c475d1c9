package org.sportello.reporting;

import java.time.Instant;

import org.sportello.cases.CaseStatus;

/** What the operational tables say of a case, read to compute its fact. */
record CaseSource(String caseId, Instant createdAt, String channel, String topicCode, String openedOffice,
		String frontAdministration, String ownerAdministration, CaseStatus status, Instant closedAt, int forwards,
		int administrations, int transfers, int articles, Long caseClockUsedMs, String caseClockPhase,
		int escalationLevel, int breaches, String rating, String outcomeClass, String topicClass,
		Long caseClockResponseMs) {
}
