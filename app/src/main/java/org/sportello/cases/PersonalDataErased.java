package org.sportello.cases;

/**
 * Published in the transaction that erased a finished case's personal data: every feature
 * that keeps personal data of the case (SMS, notes, document requests, the engine's
 * history) blanks its own in the same transaction.
 */
public record PersonalDataErased(String caseId, String trackingCode) {
}
