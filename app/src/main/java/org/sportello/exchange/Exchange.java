package org.sportello.exchange;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.sportello.cases.Attachment;
import org.sportello.cases.Attachments;
import org.sportello.cases.CaseAnswer;
import org.sportello.cases.CaseRow;
import org.sportello.cases.CaseStatus;
import org.sportello.cases.CaseStatusChanged;
import org.sportello.cases.Cases;
import org.sportello.cases.TimelineEvent;
import org.sportello.directory.Directory;
import org.sportello.directory.Office;
import org.sportello.documents.DocumentRequest;
import org.sportello.documents.DocumentRequests;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The exchange's steps in processes/citizen-request.bpmn (bean {@code exchange}) and what
 * a received case tells its sender.
 * <ul>
 * <li>At the origin, an office leg whose administration a peer serves is sent
 * ({@link #send}) instead of becoming a local task; the process waits for the peer's
 * outcome ({@code peerOutcome}, {@link InboundMessages}); the citizen's reply to the
 * peer's request goes on ({@link #forwardReply}).</li>
 * <li>At the receiver, the case's statuses go back as they are reached
 * ({@link #statusChanged}), the end of the case as the answer, and a case its back office
 * gives back to the front office returns to the origin ({@link #giveBack}).</li>
 * </ul>
 * Every message is written to the outbox in the engine's transaction.
 */
@Component("exchange")
public class Exchange {

	/** The message the origin's process waits for. */
	public static final String PEER_OUTCOME = "peerOutcome";

	private final Peers peers;

	private final ExchangeMapper mapper;

	private final ExchangeOutbox outbox;

	private final Cases cases;

	private final Attachments attachments;

	private final DocumentRequests documents;

	private final Directory directory;

	private final Clock clock;

	Exchange(Peers peers, ExchangeMapper mapper, ExchangeOutbox outbox, Cases cases, Attachments attachments,
			DocumentRequests documents, Directory directory, Clock clock) {
		this.peers = peers;
		this.mapper = mapper;
		this.outbox = outbox;
		this.cases = cases;
		this.attachments = attachments;
		this.documents = documents;
		this.directory = directory;
		this.clock = clock;
	}

	/** Whether an enabled peer serves the administration of this office. */
	public boolean servedByPeer(String officeGroup) {
		return peerFor(officeGroup).isPresent();
	}

	/** The cases's legs with peers, oldest first (case page, API). */
	public List<ExchangeLeg> legsOf(String caseId) {
		return this.mapper.legsOf(caseId);
	}

	/**
	 * Sends the case to the peer that serves the office's administration: topic,
	 * description, place, channel, language, priority, the front office's note and the
	 * files; never the citizen's contact.
	 */
	public void send(DelegateExecution execution, String officeGroup) {
		Peer peer = peerFor(officeGroup)
			.orElseThrow(() -> new IllegalStateException("No enabled peer serves " + officeGroup));
		String caseId = (String) execution.getVariable("caseId");
		CaseRow kase = this.cases.byId(caseId).orElseThrow();
		String administration = administrationOf(officeGroup);
		ExchangeLeg leg = new ExchangeLeg(peer.id(), UUID.randomUUID().toString(), ExchangeLeg.OUT, caseId, officeGroup,
				null, null, "OPEN", 1, this.clock.instant(), this.clock.instant());
		this.mapper.insertLeg(leg);
		String note = latestAnswer(caseId, CaseAnswer.Kind.FORWARD);
		ExchangeMessage.CasePayload payload = new ExchangeMessage.CasePayload(administration, kase.topicCode(),
				kase.description(), kase.municipality(), kase.channel().name(), this.cases.contactOf(caseId).language(),
				kase.priority(), kase.trackingCode(), note);
		List<ExchangeMessage.FilePayload> files = this.attachments.ofCase(caseId).stream().map(Exchange::file).toList();
		this.outbox.queue(leg, new ExchangeMessage(null, null, null, 0, ExchangeMessage.Kind.CASE, payload, null, null,
				null, null, null, files.isEmpty() ? null : files));
		// the administration takes part in the case as with a local task (the citizen
		// reads it among those in charge)
		this.cases.taskOffered(caseId, officeGroup, execution.getCurrentActivityName());
		this.cases.exchanged(caseId, officeGroup, administration, null, false, "→ " + peer.name());
	}

	/**
	 * The citizen replied to the peer's request, or the time ran out
	 * ({@code documentsOutcome = NO_REPLY}): the peer hears of it and goes on.
	 */
	public void forwardReply(DelegateExecution execution, String officeGroup) {
		String caseId = (String) execution.getVariable("caseId");
		ExchangeLeg leg = this.mapper.openLeg(caseId, ExchangeLeg.OUT, officeGroup)
			.orElseThrow(() -> new IllegalStateException("No open exchange for " + officeGroup));
		if ("NO_REPLY".equals(execution.getVariable("documentsOutcome"))) {
			this.outbox.queue(leg, ExchangeOutbox.of(ExchangeMessage.Kind.NO_REPLY, null, null, null));
			return;
		}
		// the reply is the latest the citizen wrote, with the files that came since the
		// request
		java.time.Instant since = this.documents.ofCase(caseId)
			.stream()
			.filter((request) -> officeGroup.equals(request.officeGroupId()))
			.map(DocumentRequest::requestedAt)
			.max(Comparator.naturalOrder())
			.orElse(leg.createdAt());
		List<ExchangeMessage.FilePayload> files = this.attachments.ofCase(caseId)
			.stream()
			.filter((file) -> !file.uploadedAt().isBefore(since))
			.map(Exchange::file)
			.toList();
		// the timeline's note names the files after the text; the peer names them again
		String text = this.cases.timelineOf(caseId)
			.stream()
			.filter((event) -> event.eventType() == TimelineEvent.EventType.CITIZEN_REPLIED)
			.map(TimelineEvent::detail)
			.reduce((first, second) -> second)
			.map((detail) -> files.isEmpty() ? detail : detail.replaceFirst("\\s*\\[[^\\]]*\\]$", ""))
			.filter((detail) -> !detail.isBlank())
			.orElse(null);
		this.outbox.queue(leg, ExchangeOutbox.withFiles(ExchangeMessage.Kind.CITIZEN_REPLY, text, files));
	}

	/**
	 * At the receiver: the back office gives the case back to the front office, which is
	 * the origin's: the case returns there with the office's text.
	 */
	public void giveBack(DelegateExecution execution) {
		String caseId = (String) execution.getVariable("caseId");
		this.mapper.openInboundLeg(caseId).ifPresent((leg) -> {
			String text = latestAnswer(caseId, CaseAnswer.Kind.BACK_TO_FRONT_OFFICE);
			this.outbox.queue(leg, ExchangeOutbox.of(ExchangeMessage.Kind.RETURNED, null, null, text));
			done(leg, null);
		});
	}

	/**
	 * At the receiver, in the engine's transaction: each status of a received case goes
	 * to its sender; the end of the case goes as the answer (or "not within competence")
	 * with the offices' texts, a request for documents with what it asks.
	 */
	@EventListener
	public void statusChanged(CaseStatusChanged change) {
		if (change.opening()) {
			// a received case's leg is written after the case exists (InboundMessages),
			// and the sender has its acknowledgement already
			return;
		}
		Optional<ExchangeLeg> open = this.mapper.openInboundLeg(change.caseId());
		if (open.isEmpty()) {
			return;
		}
		ExchangeLeg leg = open.get();
		CaseStatus status = change.to();
		if (status == CaseStatus.RISOLTA || status == CaseStatus.CHIUSA) {
			this.outbox.queue(leg, ExchangeOutbox.of(ExchangeMessage.Kind.ANSWER, null, status.name(),
					answers(change.caseId(), CaseAnswer.Kind.ANSWER)));
			done(leg, status);
		}
		else if (status == CaseStatus.NON_DI_COMPETENZA) {
			this.outbox.queue(leg, ExchangeOutbox.of(ExchangeMessage.Kind.NOT_COMPETENT, null, status.name(),
					latestAnswer(change.caseId(), CaseAnswer.Kind.NOT_COMPETENT)));
			done(leg, status);
		}
		else if (status == CaseStatus.IN_ATTESA_DI_INTEGRAZIONE) {
			Optional<DocumentRequest> request = this.documents.openOf(change.caseId()).stream().findFirst();
			this.outbox.queue(leg,
					new ExchangeMessage(null, null, null, 0, ExchangeMessage.Kind.REQUEST_INFO, null, null,
							status.name(), request.map(DocumentRequest::message).orElse(null),
							request.map(DocumentRequest::documents).orElse(null),
							request.map(DocumentRequest::workingDays).orElse(null), null));
		}
		else {
			this.outbox.queue(leg, ExchangeOutbox.of(ExchangeMessage.Kind.STATUS, null, status.name(), null));
		}
	}

	private void done(ExchangeLeg leg, CaseStatus status) {
		this.mapper.updateLeg(leg.peerId(), leg.exchangeId(), null, (status != null) ? status.name() : null, "DONE",
				this.clock.instant());
	}

	/** Every answer of the kind, oldest first, one paragraph each. */
	private String answers(String caseId, CaseAnswer.Kind kind) {
		List<String> texts = texts(caseId, kind);
		return texts.isEmpty() ? null : String.join("\n\n", texts);
	}

	private String latestAnswer(String caseId, CaseAnswer.Kind kind) {
		List<String> texts = texts(caseId, kind);
		return texts.isEmpty() ? null : texts.get(texts.size() - 1);
	}

	private List<String> texts(String caseId, CaseAnswer.Kind kind) {
		return this.cases.answersOf(caseId)
			.stream()
			.filter((answer) -> answer.kind() == kind)
			.map(CaseAnswer::body)
			.toList();
	}

	private Optional<Peer> peerFor(String officeGroup) {
		String administration = administrationOf(officeGroup);
		return (administration == null) ? Optional.empty() : this.peers.serving(administration);
	}

	private String administrationOf(String officeGroup) {
		return this.directory.office(officeGroup).map(Office::administrationCode).orElse(null);
	}

	/** A file of the case, its bytes read when the message is sent. */
	private static ExchangeMessage.FilePayload file(Attachment attachment) {
		return new ExchangeMessage.FilePayload(attachment.fileName(), attachment.contentType(), attachment.id(), null);
	}

}
