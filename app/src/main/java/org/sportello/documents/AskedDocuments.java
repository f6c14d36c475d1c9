package org.sportello.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A request for documents as the citizen may read it: the administration by name, the
 * document kinds, the official's message, the last day, and what became of it (no
 * internal ids, no official's name).
 */
public record AskedDocuments(String administration, List<String> documents, String message, Instant requestedAt,
		LocalDate dueOn, DocumentRequest.Status status) {
}
