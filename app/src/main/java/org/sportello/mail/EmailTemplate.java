package org.sportello.mail;

import java.time.Instant;

/** Subject and text of one kind of email in one language (spt_email_template). */
public record EmailTemplate(String kind, String language, String subject, String body, Instant updatedAt,
		String updatedBy, int version) {
}
