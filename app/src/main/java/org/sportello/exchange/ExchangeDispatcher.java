package org.sportello.exchange;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.sportello.cases.Attachments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Delivers the outbox to peers: each message signed anew at each attempt (RFC 9421,
 * Ed25519, a fresh nonce), in order per exchange (a message waits until the one before it
 * is delivered), claimed with a conditional update so that of several nodes exactly one
 * sends it. A peer that is down or answers 5xx, 408 or 429 gets the message again later
 * (doubling waits, {@link ExchangeSettings#backoff}); one that refuses it (other 4xx)
 * stops it until an administrator sends it again.
 */
@Component
public class ExchangeDispatcher {

	static final Duration LEASE = Duration.ofMinutes(5);

	private static final int BATCH = 50;

	private static final Logger log = LoggerFactory.getLogger(ExchangeDispatcher.class);

	private final ExchangeMapper mapper;

	private final Peers peers;

	private final ExchangeKeys keys;

	private final ExchangeSettings settings;

	private final Attachments attachments;

	private final ObjectMapper json;

	private final Clock clock;

	private final HttpClient http;

	private final String node;

	ExchangeDispatcher(ExchangeMapper mapper, Peers peers, ExchangeKeys keys, ExchangeSettings settings,
			Attachments attachments, ObjectMapper json, Clock clock) {
		this.mapper = mapper;
		this.peers = peers;
		this.keys = keys;
		this.settings = settings;
		this.attachments = attachments;
		this.json = json;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		this.node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** One round: claims and sends the due messages; answers how many were delivered. */
	public int dispatchOnce() {
		int delivered = 0;
		Instant now = this.clock.instant();
		for (String id : this.mapper.dueIds(now, BATCH)) {
			if (this.mapper.claim(id, this.node, now, now.plus(LEASE)) == 1) {
				Optional<OutboxMessage> message = this.mapper.message(id);
				if (message.isPresent() && send(message.get())) {
					delivered++;
				}
			}
		}
		return delivered;
	}

	/** Messages not delivered yet, for the administrators' view. */
	public int unsent() {
		return this.mapper.unsent();
	}

	/** The newest messages, undelivered first. */
	public List<OutboxMessage> recent(int limit) {
		return this.mapper.recent(limit);
	}

	/** Sends a refused message again; answers whether it was one. */
	public boolean retry(String id) {
		return this.mapper.retry(id, this.clock.instant()) == 1;
	}

	private boolean send(OutboxMessage message) {
		Optional<Peer> peer = this.peers.byId(message.peerId());
		if (peer.isEmpty() || !peer.get().enabled()) {
			this.mapper.requeue(message.id(), this.node, this.clock.instant().plus(this.settings.maxRetry()),
					"The peer is disabled or gone");
			return false;
		}
		try {
			byte[] body = wire(message);
			HttpResponse<String> response = this.http.send(signed(peer.get(), body),
					HttpResponse.BodyHandlers.ofString());
			int status = response.statusCode();
			if (status >= 200 && status < 300) {
				this.mapper.markSent(message.id(), this.node, this.clock.instant());
				return true;
			}
			String error = "HTTP " + status + ": " + truncate(response.body());
			if (status >= 400 && status < 500 && status != 408 && status != 429) {
				log.warn("Exchange message {} refused by peer {}: HTTP {}", message.id(), message.peerId(), status);
				this.mapper.markFailed(message.id(), this.node, truncate(error));
			}
			else {
				retryLater(message, error);
			}
		}
		catch (IOException ex) {
			retryLater(message, ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			retryLater(message, "interrupted");
		}
		return false;
	}

	private void retryLater(OutboxMessage message, String error) {
		Duration wait = this.settings.backoff(message.attempts() + 1);
		log.info("Exchange message {} to {} to be retried in {} (attempt {})", message.id(), message.peerId(), wait,
				message.attempts() + 1);
		this.mapper.requeue(message.id(), this.node, this.clock.instant().plus(wait), truncate(error));
	}

	private HttpRequest signed(Peer peer, byte[] body) {
		String url = peer.messagesUrl();
		String digest = HttpSignatures.contentDigest(body);
		HttpSignatures.Request request = new HttpSignatures.Request("POST", url, (name) -> switch (name) {
			case "content-digest" -> digest;
			case "content-type" -> "application/json";
			default -> null;
		});
		ExchangeKeys.OwnKey key = this.keys.current();
		HttpSignatures.Params params = new HttpSignatures.Params(HttpSignatures.COVERED,
				this.clock.instant().getEpochSecond(), key.keyId(), "ed25519", UUID.randomUUID().toString());
		String[] signature = HttpSignatures.sign(request, params, key.privateKey());
		return HttpRequest.newBuilder(URI.create(url))
			.timeout(this.settings.timeout())
			.header("Content-Type", "application/json")
			.header("Content-Digest", digest)
			.header("Signature-Input", signature[0])
			.header("Signature", signature[1])
			.header("Accept", "application/json, application/problem+json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
	}

	/** The message as it goes: the files' bytes read now, not kept in the outbox. */
	private byte[] wire(OutboxMessage message) throws IOException {
		ExchangeMessage stored = this.json.readValue(message.body(), ExchangeMessage.class);
		if (stored.attachments() == null) {
			return message.body().getBytes(StandardCharsets.UTF_8);
		}
		String caseId = this.mapper.leg(message.peerId(), message.exchangeId()).orElseThrow().caseId();
		List<ExchangeMessage.FilePayload> files = new ArrayList<>();
		for (ExchangeMessage.FilePayload file : stored.attachments()) {
			// a file erased since (retention) is left out
			this.attachments.find(caseId, file.attachmentId())
				.ifPresent((found) -> files.add(new ExchangeMessage.FilePayload(file.name(), file.contentType(), null,
						Base64.getEncoder().encodeToString(this.attachments.content(found)))));
		}
		return this.json.writeValueAsBytes(stored.withAttachments(files));
	}

	private static String truncate(String text) {
		if (text == null) {
			return null;
		}
		return (text.length() > 480) ? text.substring(0, 480) + "…" : text;
	}

}
