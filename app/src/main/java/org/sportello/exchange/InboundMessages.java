package org.sportello.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.sportello.cases.AttachmentRejectedException;
import org.sportello.cases.CaseAnswer;
import org.sportello.cases.CaseRow;
import org.sportello.cases.CaseStatus;
import org.sportello.cases.Cases;
import org.sportello.cases.Channel;
import org.sportello.cases.NewAttachment;
import org.sportello.cases.OpenedCase;
import org.sportello.directory.Directory;
import org.sportello.directory.Office;
import org.sportello.documents.CitizenReplies;
import org.sportello.intake.IntakeRequest;
import org.sportello.intake.IntakeService;
import org.sportello.intake.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages from peers: checked (signature, key, age, replay), then acted on once per
 * message id. Refusals are {@link ExchangeRefusedException}s with the status and the
 * reason the problem+json answer gives.
 */
@Service
class InboundMessages {

	private static final Logger log = LoggerFactory.getLogger(InboundMessages.class);

	/** What came in: the bytes and the request as its signature covers it. */
	record Delivery(HttpSignatures.Request request, byte[] body) {
	}

	/** What became of a message: {@code accepted}, or {@code duplicate} of one taken. */
	record Outcome(String id, String result) {
	}

	private final Peers peers;

	private final ExchangeMapper mapper;

	private final ExchangeOutbox outbox;

	private final ExchangeSettings settings;

	private final IntakeService intake;

	private final Cases cases;

	private final CitizenReplies replies;

	private final RuntimeService runtime;

	private final Directory directory;

	private final ObjectMapper json;

	private final Clock clock;

	InboundMessages(Peers peers, ExchangeMapper mapper, ExchangeOutbox outbox, ExchangeSettings settings,
			IntakeService intake, Cases cases, CitizenReplies replies, RuntimeService runtime, Directory directory,
			ObjectMapper json, Clock clock) {
		this.peers = peers;
		this.mapper = mapper;
		this.outbox = outbox;
		this.settings = settings;
		this.intake = intake;
		this.cases = cases;
		this.replies = replies;
		this.runtime = runtime;
		this.directory = directory;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Checks the delivery and acts on its message, all or nothing: a failure leaves
	 * neither the message id nor the nonce recorded, so the sender's retry is welcome.
	 */
	@Transactional
	Outcome receive(Delivery delivery) {
		Peers.PeerKey sender = authenticate(delivery);
		ExchangeMessage message = read(delivery.body());
		Instant now = this.clock.instant();
		if (message.created() == null || outside(message.created(), now)) {
			throw new ExchangeRefusedException(401, "stale", "created", "The message is older than the window");
		}
		if (this.mapper.firstReceipt(sender.peer().id(), message.id(), now) == 0) {
			return new Outcome(message.id(), "duplicate");
		}
		act(sender.peer(), message);
		return new Outcome(message.id(), "accepted");
	}

	/** Signature, key, age and nonce; the refusal says which failed. */
	private Peers.PeerKey authenticate(Delivery delivery) {
		HttpSignatures.Request request = delivery.request();
		String contentType = request.header().apply("content-type");
		if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
			throw new ExchangeRefusedException(415, "content-type", "Content-Type", "Messages are application/json");
		}
		if (!HttpSignatures.digestMatches(request.header().apply("content-digest"), delivery.body())) {
			throw new ExchangeRefusedException(400, "digest", "Content-Digest",
					"Content-Digest is missing or is not the SHA-256 of the body");
		}
		Map.Entry<HttpSignatures.Params, byte[]> signature;
		try {
			signature = HttpSignatures.parse(request.header().apply("signature-input"),
					request.header().apply("signature"));
		}
		catch (HttpSignatures.SignatureException | IllegalArgumentException ex) {
			throw new ExchangeRefusedException(401, "signature", "Signature-Input", ex.getMessage());
		}
		HttpSignatures.Params params = signature.getKey();
		if (!params.components().containsAll(HttpSignatures.COVERED)) {
			throw new ExchangeRefusedException(401, "signature", "Signature-Input",
					"The signature must cover " + String.join(", ", HttpSignatures.COVERED));
		}
		if (params.alg() != null && !"ed25519".equals(params.alg())) {
			throw new ExchangeRefusedException(401, "signature", "alg", "Only ed25519 signatures are accepted");
		}
		Peers.PeerKey sender = (params.keyId() == null) ? null : this.peers.byKeyId(params.keyId()).orElse(null);
		if (sender == null) {
			throw new ExchangeRefusedException(401, "unknown-key", "keyid", "No peer has the key " + params.keyId());
		}
		boolean verified;
		try {
			verified = HttpSignatures.verify(request, params, signature.getValue(), sender.key());
		}
		catch (HttpSignatures.SignatureException ex) {
			throw new ExchangeRefusedException(401, "signature", "Signature-Input", ex.getMessage());
		}
		if (!verified) {
			throw new ExchangeRefusedException(401, "signature", "Signature", "The signature does not verify");
		}
		if (!sender.peer().enabled()) {
			throw new ExchangeRefusedException(403, "disabled", "keyid", "The peer is disabled here");
		}
		Instant now = this.clock.instant();
		if (params.created() == null || outside(Instant.ofEpochSecond(params.created()), now)) {
			throw new ExchangeRefusedException(401, "stale", "created",
					"The signature was made outside the accepted window of " + this.settings.window());
		}
		if (params.nonce() == null || params.nonce().length() > 100) {
			throw new ExchangeRefusedException(401, "signature", "nonce", "The signature needs a nonce");
		}
		if (this.mapper.firstNonce(sender.peer().id(), params.nonce(), now) == 0) {
			throw new ExchangeRefusedException(409, "replayed", "nonce", "This signature was received before");
		}
		return sender;
	}

	private boolean outside(Instant at, Instant now) {
		Duration window = this.settings.window();
		return at.isBefore(now.minus(window)) || at.isAfter(now.plus(window));
	}

	private ExchangeMessage read(byte[] body) {
		ExchangeMessage message;
		try {
			message = this.json.readValue(body, ExchangeMessage.class);
		}
		catch (java.io.IOException ex) {
			throw new ExchangeRefusedException(400, "invalid", "body", "The body is not an exchange message");
		}
		requireField(message.id(), "id");
		requireField(message.exchangeId(), "exchangeId");
		if (message.type() == null) {
			throw new ExchangeRefusedException(400, "invalid", "type", "type is required");
		}
		try {
			UUID.fromString(message.id());
		}
		catch (IllegalArgumentException ex) {
			throw new ExchangeRefusedException(400, "invalid", "id", "id must be a UUID");
		}
		if (message.exchangeId().length() > 36) {
			throw new ExchangeRefusedException(400, "invalid", "exchangeId", "exchangeId has at most 36 characters");
		}
		return message;
	}

	private void act(Peer peer, ExchangeMessage message) {
		if (message.type() == ExchangeMessage.Kind.CASE) {
			openCase(peer, message);
			return;
		}
		ExchangeLeg leg = this.mapper.leg(peer.id(), message.exchangeId())
			.orElseThrow(() -> new ExchangeRefusedException(404, "unknown-exchange", "exchangeId",
					"No exchange " + message.exchangeId() + " with this peer"));
		boolean forOrigin = ExchangeLeg.OUT.equals(leg.direction());
		boolean originKind = message.type() == ExchangeMessage.Kind.CITIZEN_REPLY
				|| message.type() == ExchangeMessage.Kind.NO_REPLY;
		if (forOrigin == originKind) {
			throw new ExchangeRefusedException(409, "wrong-direction", "type",
					message.type() + " does not go this way on this exchange");
		}
		switch (message.type()) {
			case ACK, STATUS -> news(peer, leg, message);
			case ANSWER -> outcome(peer, leg, message, "ANSWER", CaseAnswer.Kind.ANSWER, true);
			case NOT_COMPETENT -> outcome(peer, leg, message, "NOT_COMPETENT", CaseAnswer.Kind.NOT_COMPETENT, true);
			case RETURNED ->
				outcome(peer, leg, message, "BACK_TO_FRONT_OFFICE", CaseAnswer.Kind.BACK_TO_FRONT_OFFICE, true);
			case REQUEST_INFO -> outcome(peer, leg, message, "REQUEST_INFO", CaseAnswer.Kind.REQUEST_INFO, false);
			case CITIZEN_REPLY -> citizenReply(leg, message);
			case NO_REPLY ->
				this.cases.exchanged(leg.caseId(), null, leg.officeGroup(), null, false, peer.name() + ": NO_REPLY");
			default -> throw new IllegalStateException();
		}
	}

	/**
	 * A case for one of our administrations: opened as the citizen's own would be, with
	 * channel EXCHANGE, routed to the administration; the sender hears our code.
	 */
	private void openCase(Peer peer, ExchangeMessage message) {
		ExchangeMessage.CasePayload payload = message.kase();
		if (payload == null) {
			throw new ExchangeRefusedException(400, "invalid", "case", "A CASE message carries the case");
		}
		if (this.mapper.leg(peer.id(), message.exchangeId()).isPresent()) {
			throw new ExchangeRefusedException(409, "exchange-exists", "exchangeId",
					"The exchange " + message.exchangeId() + " exists already");
		}
		List<NewAttachment> files = files(message);
		String language = "en".equals(payload.language()) ? "en" : "it";
		IntakeRequest request = new IntakeRequest(Channel.EXCHANGE, payload.topic(), payload.description(),
				payload.municipality(), new IntakeRequest.Citizen(peer.name(), null, null, false, language),
				"HIGH".equals(payload.priority()) ? java.util.Set.of(IntakeRequest.PriorityFlag.URGENT)
						: java.util.Set.of());
		OpenedCase opened;
		try {
			opened = this.intake.receiveFromPeer(request, files, "peer:" + peer.id(), payload.administration());
		}
		catch (InvalidRequestException ex) {
			throw new ExchangeRefusedException(422, "invalid", "case." + ex.field(),
					"case." + ex.field() + " is not accepted here (" + ex.code() + ")");
		}
		catch (AttachmentRejectedException ex) {
			throw new ExchangeRefusedException(422, "invalid", "attachments", ex.getMessage());
		}
		Instant now = this.clock.instant();
		ExchangeLeg leg = new ExchangeLeg(peer.id(), message.exchangeId(), ExchangeLeg.IN, opened.caseId(),
				payload.administration(), payload.originCode(), null, "OPEN", 1, now, now);
		this.mapper.insertLeg(leg);
		if (payload.note() != null && !payload.note().isBlank()) {
			// what the sender's front office found, for our back office to read
			this.cases.answered(opened.caseId(), CaseAnswer.Kind.FORWARD,
					this.directory.backOfficeOf(payload.administration()).map(Office::groupId).orElse(null),
					peer.name(), payload.note());
		}
		CaseStatus status = this.cases.byId(opened.caseId()).map(CaseRow::status).orElse(null);
		this.outbox.queue(leg, ExchangeOutbox.of(ExchangeMessage.Kind.ACK, opened.trackingCode(),
				(status != null) ? status.name() : null, null));
		this.cases.exchanged(opened.caseId(), null, payload.administration(), null, false,
				peer.name() + " " + payload.originCode());
		log.info("Exchange {}: case received from peer {}", message.exchangeId(), peer.id());
	}

	/** The peer took the case (its code) or reached a status: the citizen follows it. */
	private void news(Peer peer, ExchangeLeg leg, ExchangeMessage message) {
		CaseStatus status = status(message.status());
		this.mapper.updateLeg(peer.id(), leg.exchangeId(), message.trackingCode(), message.status(), leg.state(),
				this.clock.instant());
		this.cases.exchanged(leg.caseId(), leg.officeGroup(), administrationOf(leg.officeGroup()), status,
				status != null, (message.trackingCode() != null) ? peer.name() + " " + message.trackingCode()
						: peer.name() + ": " + message.status());
	}

	/**
	 * The peer's decision: its text becomes the office's answer (the citizen reads it as
	 * any office's), and the origin's process goes on as after a local decision.
	 */
	private void outcome(Peer peer, ExchangeLeg leg, ExchangeMessage message, String boOutcome, CaseAnswer.Kind kind,
			boolean final_) {
		String text = (message.text() == null || message.text().isBlank()) ? null : message.text();
		String trackingCode = this.cases.byId(leg.caseId()).orElseThrow().trackingCode();
		boolean waiting = this.runtime.createExecutionQuery()
			.messageEventSubscriptionName(Exchange.PEER_OUTCOME)
			.processInstanceBusinessKey(trackingCode)
			.variableValueEquals("peerOffice", leg.officeGroup())
			.count() > 0;
		if (!waiting) {
			// the process has moved on (a transfer, an administrator): kept for the
			// officials
			this.cases.exchanged(leg.caseId(), leg.officeGroup(), administrationOf(leg.officeGroup()), null, false,
					peer.name() + ": " + message.type() + " (" + text + ")");
			return;
		}
		this.cases.answered(leg.caseId(), kind, leg.officeGroup(), peer.name(), text);
		this.mapper.updateLeg(peer.id(), leg.exchangeId(), null, message.status(), final_ ? "DONE" : "OPEN",
				this.clock.instant());
		Map<String, Object> variables = new HashMap<>();
		variables.put("boOutcome", boOutcome);
		variables.put("answer", (text != null) ? text : "");
		if (kind == CaseAnswer.Kind.REQUEST_INFO) {
			variables.put("documents", new ArrayList<>((message.documents() == null) ? List.of()
					: message.documents().stream().filter(org.sportello.documents.DocumentRequests::isKind).toList()));
			Integer days = message.withinDays();
			variables.put("documentsWithinDays",
					(days != null && days >= 1 && days <= org.sportello.documents.DocumentRequests.MAX_WORKING_DAYS)
							? days : org.sportello.documents.DocumentRequests.DEFAULT_WORKING_DAYS);
		}
		this.runtime.createMessageCorrelation(Exchange.PEER_OUTCOME)
			.processInstanceBusinessKey(trackingCode)
			.localVariableEquals("peerOffice", leg.officeGroup())
			.setVariables(variables)
			.correlateWithResult();
	}

	/** The citizen's reply from the origin: as if the citizen had written here. */
	private void citizenReply(ExchangeLeg leg, ExchangeMessage message) {
		List<NewAttachment> files = files(message);
		CaseRow kase = this.cases.byId(leg.caseId()).orElseThrow();
		try {
			this.replies.receive(kase, message.text(), files);
		}
		catch (AttachmentRejectedException ex) {
			throw new ExchangeRefusedException(422, "invalid", "attachments", ex.getMessage());
		}
	}

	/** The message's files, decoded; a broken one is refused naming its place. */
	private static List<NewAttachment> files(ExchangeMessage message) {
		List<NewAttachment> files = new ArrayList<>();
		List<ExchangeMessage.FilePayload> sent = (message.attachments() == null) ? List.of() : message.attachments();
		for (int i = 0; i < sent.size(); i++) {
			files.add(decode(sent.get(i), "attachments[" + i + "]"));
		}
		return files;
	}

	private static NewAttachment decode(ExchangeMessage.FilePayload file, String field) {
		if (file == null || file.name() == null || file.data() == null) {
			throw new ExchangeRefusedException(400, "invalid", field, field + " needs a name and data");
		}
		try {
			return new NewAttachment(file.name(), Base64.getDecoder().decode(file.data()));
		}
		catch (IllegalArgumentException ex) {
			throw new ExchangeRefusedException(400, "invalid", field + ".data", "data is not base64");
		}
	}

	private static CaseStatus status(String name) {
		try {
			return (name == null) ? null : CaseStatus.valueOf(name);
		}
		catch (IllegalArgumentException ex) {
			// another system's own status: kept as text on the leg
			return null;
		}
	}

	private String administrationOf(String officeGroup) {
		return this.directory.office(officeGroup).map(Office::administrationCode).orElse(null);
	}

	private static void requireField(String value, String field) {
		if (value == null || value.isBlank()) {
			throw new ExchangeRefusedException(400, "invalid", field, field + " is required");
		}
	}

}
