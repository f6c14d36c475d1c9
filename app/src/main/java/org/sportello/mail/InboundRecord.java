package org.sportello.mail;

import java.time.Instant;

/**
 * What became of one message read from a mailbox (spt_mail_inbound): no address, no text.
 */
public record InboundRecord(String messageKey, String mailbox, Instant receivedAt, String outcome, String caseId,
		String detail) {
}
