package org.sportello.cases;

/**
 * Published when a case's citizen-visible status changes, inside the transaction of the
 * change (listeners that write must join it).
 */
public record CaseStatusChanged(String caseId, CaseStatus from, CaseStatus to) {
}
