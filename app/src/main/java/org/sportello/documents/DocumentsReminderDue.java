package org.sportello.documents;

import java.time.LocalDate;

/**
 * A reminder to the citizen is due: documents asked by {@code administration} must be
 * sent by the end of {@code dueOn}. Published in the engine's transaction; the SMS outbox
 * writes the reminder in it.
 */
public record DocumentsReminderDue(String caseId, String administration, LocalDate dueOn) {
}
