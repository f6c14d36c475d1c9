package org.sportello.reporting;

import java.time.LocalDate;

/**
 * The warehouse's fact about one case: what reporting needs and nothing that identifies
 * the citizen or the officials (see db/V19__reporting.sql).
 */
record CaseFact(String caseKey, LocalDate openedOn, int openedHour, String channel, String topicCode,
		String frontOffice, String frontAdministration, String ownerAdministration, String status, LocalDate closedOn,
		boolean closedAtFrontOffice, boolean withArticle, int administrations, int transfers, Long calendarMinutes,
		Long workingMinutes, boolean slaBreached, int escalationLevel, String rating, String outcomeClass,
		String topicClass, Long responseMinutes) {
}
