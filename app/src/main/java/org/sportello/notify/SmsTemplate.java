package org.sportello.notify;

import java.time.Instant;

import org.sportello.cases.CaseStatus;

/** The text of the status SMS for one status and language (table spt_sms_template). */
public record SmsTemplate(CaseStatus status, String language, String body, Instant updatedAt, String updatedBy,
		int version) {
}
