package org.sportello.cases;

/**
 * Published whenever a case's timeline gets an event (opened, status, assignment, answer,
 * transfer, escalation, rating...), inside the transaction of the change: read models
 * such as the reporting warehouse refresh from it.
 */
public record CaseChanged(String caseId) {
}
