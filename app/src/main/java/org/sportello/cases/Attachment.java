package org.sportello.cases;

import java.time.Instant;

/** Metadata of a file attached to a case. */
public record Attachment(String id, String caseId, String fileName, String contentType, long sizeBytes, String sha256,
		String uploadedBy, Instant uploadedAt) {
}
