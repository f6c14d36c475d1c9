package org.sportello.tasklist;

import java.time.Instant;

/** A note between officials on a case; never shown to the citizen. */
public record CaseNote(String id, String caseId, String author, String body, Instant createdAt) {
}
