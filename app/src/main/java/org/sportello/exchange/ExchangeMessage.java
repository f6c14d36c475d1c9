package org.sportello.exchange;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One message of the exchange protocol, version 1 (docs/exchange-protocol.md). Every
 * message names its exchange (one case crossing between two installations) and its place
 * in it ({@code seq}, from 1); its {@code id} acts once at the receiver.
 *
 * @param kase {@code CASE}: what the receiving administration needs to work the case
 * @param trackingCode {@code ACK}: the receiver's tracking code
 * @param status {@code STATUS}: the receiver's citizen-visible status
 * @param text {@code ANSWER}, {@code REQUEST_INFO}, {@code NOT_COMPETENT},
 * {@code RETURNED}: the official's text for the citizen; {@code CITIZEN_REPLY}: the
 * citizen's
 * @param documents {@code REQUEST_INFO}: the kinds of documents asked for
 * @param withinDays {@code REQUEST_INFO}: working days the citizen has
 * @param attachments {@code CASE}, {@code CITIZEN_REPLY}: files, base64
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExchangeMessage(String id, Instant created, String exchangeId, int seq, Kind type,
		@JsonProperty("case") CasePayload kase, String trackingCode, String status, String text, List<String> documents,
		Integer withinDays, List<FilePayload> attachments) {

	/** What a message says. */
	public enum Kind {

		/** The origin sends a case to the peer. */
		CASE,
		/** The peer took it: its tracking code. */
		ACK,
		/** The peer's case reached a status. */
		STATUS,
		/** The peer's answer for the citizen: the leg is over. */
		ANSWER,
		/** The peer asks the citizen for documents or information. */
		REQUEST_INFO,
		/** The citizen's reply, from the origin. */
		CITIZEN_REPLY,
		/** The citizen did not reply in time, from the origin. */
		NO_REPLY,
		/** Not within the peer's competence: the leg is over. */
		NOT_COMPETENT,
		/** The peer gives the case back to the origin's front office: the leg is over. */
		RETURNED

	}

	/**
	 * The case as the receiving administration needs it; the citizen's contact is never
	 * sent (the origin relays every message to the citizen).
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record CasePayload(String administration, String topic, String description, String municipality,
			String channel, String language, String priority, String originCode, String note) {
	}

	/** A file: its name, type and, on the wire, its bytes (base64). */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record FilePayload(String name, String contentType, String attachmentId, String data) {
	}

	ExchangeMessage withAttachments(List<FilePayload> files) {
		return new ExchangeMessage(this.id, this.created, this.exchangeId, this.seq, this.type, this.kase,
				this.trackingCode, this.status, this.text, this.documents, this.withinDays, files);
	}

}
