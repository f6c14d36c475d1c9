package org.sportello.cases;

/**
 * What the operator tells the citizen: tracking code and PIN (the PIN is shown once,
 * stored hashed).
 */
public record OpenedCase(String caseId, String trackingCode, String pin, CaseStatus status) {
}
