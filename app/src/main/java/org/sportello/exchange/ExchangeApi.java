package org.sportello.exchange;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exchange protocol's endpoints (version 1, docs/exchange-protocol.md): peers post
 * signed messages and read this installation's public keys; administrators configure
 * peers and watch the outbox. Errors are {@code application/problem+json}
 * ({@link ExchangeProblems}).
 */
@RestController
@Tag(name = "Exchange", description = "Signed case exchange between installations (protocol v1)")
class ExchangeApi {

	static final String MESSAGES = "/api/exchange/v1/messages";

	private final InboundMessages inbound;

	private final ExchangeKeys keys;

	private final ExchangeSettings settings;

	private final Peers peers;

	private final ExchangeDispatcher dispatcher;

	ExchangeApi(InboundMessages inbound, ExchangeKeys keys, ExchangeSettings settings, Peers peers,
			ExchangeDispatcher dispatcher) {
		this.inbound = inbound;
		this.keys = keys;
		this.settings = settings;
		this.peers = peers;
		this.dispatcher = dispatcher;
	}

	@Operation(summary = "Receive a message from a peer",
			description = "The body is one exchange message (JSON). Headers: Content-Digest (RFC 9530, sha-256), "
					+ "Signature-Input and Signature (RFC 9421, Ed25519, covering \"@method\" \"@path\" "
					+ "\"content-digest\" \"content-type\", with created, keyid and nonce). 202 when acted on, "
					+ "200 with result \"duplicate\" when the id was taken before; 401 for an unknown key, a bad "
					+ "or stale signature, 409 for a replayed one.")
	@PostMapping(path = MESSAGES, consumes = MediaType.ALL_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<InboundMessages.Outcome> receive(@RequestBody(required = false) byte[] body,
			HttpServletRequest request) {
		HttpSignatures.Request signed = new HttpSignatures.Request(request.getMethod(),
				request.getRequestURL().toString(), request::getHeader);
		InboundMessages.Outcome outcome = this.inbound
			.receive(new InboundMessages.Delivery(signed, (body != null) ? body : new byte[0]));
		return ResponseEntity.status("duplicate".equals(outcome.result()) ? HttpStatus.OK : HttpStatus.ACCEPTED)
			.body(outcome);
	}

	/** A public key of this installation. */
	record PublicKeyView(String keyid, String alg, String publicKey) {
	}

	record KeysView(String installation, List<PublicKeyView> keys) {
	}

	@Operation(summary = "This installation's public keys",
			description = "The first signs; the others still verify during a rotation.")
	@GetMapping(path = "/api/exchange/v1/keys", produces = MediaType.APPLICATION_JSON_VALUE)
	KeysView keys() {
		return new KeysView(this.settings.installationId(),
				this.keys.all()
					.stream()
					.map((key) -> new PublicKeyView(key.keyId(), "ed25519", key.publicKeyText()))
					.toList());
	}

	@Operation(summary = "Peers (administrators)")
	@GetMapping(path = "/api/exchange/peers", produces = MediaType.APPLICATION_JSON_VALUE)
	List<Peer> peers() {
		return this.peers.all();
	}

	@Operation(summary = "Add or change a peer (administrators)",
			description = "Errors name the field: 400 problem+json with \"field\".")
	@PutMapping(path = "/api/exchange/peers/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Peer savePeer(@Parameter(description = "the peer's id") @PathVariable("id") String id,
			@RequestBody Peers.PeerForm form, Principal user) {
		return this.peers.save(new Peers.PeerForm(id, form.name(), form.baseUrl(), form.keyId(), form.publicKey(),
				form.nextKeyId(), form.nextPublicKey(), form.enabled(), form.administrations()), user.getName());
	}

	@Operation(summary = "The outbox to peers, undelivered first (administrators)")
	@GetMapping(path = "/api/exchange/outbox", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> outbox() {
		return Map.of("unsent", this.dispatcher.unsent(), "messages",
				this.dispatcher.recent(100)
					.stream()
					.map((m) -> new OutboxView(m.id(), m.peerId(), m.exchangeId(), m.seq(), m.kind(), m.status(),
							m.attempts(), m.nextAttemptAt(), m.lastError(), m.createdAt(), m.sentAt()))
					.toList());
	}

	/** An outbox row without its body (which may hold the citizen's words). */
	record OutboxView(String id, String peerId, String exchangeId, int seq, String kind, String status, int attempts,
			java.time.Instant nextAttemptAt, String lastError, java.time.Instant createdAt, java.time.Instant sentAt) {
	}

	@Operation(summary = "Send a refused message again (administrators)")
	@PostMapping(path = "/api/exchange/outbox/{id}/retry")
	ResponseEntity<Void> retry(@PathVariable("id") String id) {
		return this.dispatcher.retry(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
	}

}
