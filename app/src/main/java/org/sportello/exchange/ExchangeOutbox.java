package org.sportello.exchange;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes messages for peers in the caller's transaction (an engine step, a received
 * message): a rollback leaves no message, a commit leaves one that
 * {@link ExchangeDispatcher} delivers. Each message gets the exchange's next number.
 */
@Component
class ExchangeOutbox {

	private final ExchangeMapper mapper;

	private final ObjectMapper json;

	private final Clock clock;

	ExchangeOutbox(ExchangeMapper mapper, ObjectMapper json, Clock clock) {
		this.mapper = mapper;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Queues a message of {@code type} on the leg's exchange; {@code content} gives what
	 * the kind carries (id, time and number are set here).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	ExchangeMessage queue(ExchangeLeg leg, ExchangeMessage content) {
		Instant now = this.clock.instant();
		this.mapper.takeSeq(leg.peerId(), leg.exchangeId(), now);
		int seq = this.mapper.takenSeq(leg.peerId(), leg.exchangeId());
		ExchangeMessage message = new ExchangeMessage(UUID.randomUUID().toString(), now, leg.exchangeId(), seq,
				content.type(), content.kase(), content.trackingCode(), content.status(), content.text(),
				content.documents(), content.withinDays(), content.attachments());
		this.mapper.insertMessage(new OutboxMessage(message.id(), leg.peerId(), leg.exchangeId(), seq,
				message.type().name(), write(message), "QUEUED", 0, now, null, null, null, now, null));
		return message;
	}

	/** A message with only its kind and the given parts. */
	static ExchangeMessage of(ExchangeMessage.Kind type, String trackingCode, String status, String text) {
		return new ExchangeMessage(null, null, null, 0, type, null, trackingCode, status, text, null, null, null);
	}

	static ExchangeMessage withFiles(ExchangeMessage.Kind type, String text, List<ExchangeMessage.FilePayload> files) {
		return new ExchangeMessage(null, null, null, 0, type, null, null, null, text, null, null,
				files.isEmpty() ? null : files);
	}

	private String write(ExchangeMessage message) {
		try {
			return this.json.writeValueAsString(message);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write an exchange message", ex);
		}
	}

}
