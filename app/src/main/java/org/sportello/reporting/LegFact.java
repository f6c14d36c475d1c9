package org.sportello.reporting;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The warehouse's fact about one office's part of a case (an office leg): which office
 * (the front office's triage, each back office), when it started, whether it is over, its
 * working minutes to its first response and to the end of its part, SLA breached,
 * escalation (db/V22__resolution_times.sql).
 */
record LegFact(String caseKey, String officeGroupId, String administrationCode, LocalDate openedOn, LocalDate startedOn,
		boolean finished, Long responseMinutes, Long workingMinutes, boolean slaBreached, int escalationLevel) {

	/** An office's SLA clock, as the operational side keeps it. */
	record Source(String caseId, String officeGroupId, String administrationCode, Instant startedAt, String phase,
			long usedMs, Long responseUsedMs, int breaches, int escalationLevel) {
	}

}
