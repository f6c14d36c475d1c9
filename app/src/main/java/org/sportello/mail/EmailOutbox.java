package org.sportello.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.sportello.cases.CaseAnswer;
import org.sportello.cases.CaseOpened;
import org.sportello.cases.CaseRow;
import org.sportello.cases.CaseStatus;
import org.sportello.cases.CaseStatusChanged;
import org.sportello.cases.Cases;
import org.sportello.cases.Contact;
import org.sportello.cases.PersonalDataErased;
import org.sportello.directory.Directory;
import org.sportello.mail.EmailMessage.Status;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The email outbox. A citizen who gave an email and has not unsubscribed gets, written in
 * the transaction of the change (rolled back with it): the acknowledgement with code and
 * PIN when the case opens, whatever the channel; then one email per citizen-visible
 * status, with the answers written for the citizen when the case ends and the office's
 * request when it waits for documents. While a status email is still queued a newer
 * status replaces it. {@link EmailDispatcher} sends them.
 */
@Service
public class EmailOutbox {

	/** The answers a final status email carries. */
	private static final Set<CaseAnswer.Kind> FINAL_ANSWERS = Set.of(CaseAnswer.Kind.FRONT_OFFICE,
			CaseAnswer.Kind.ANSWER, CaseAnswer.Kind.NOT_COMPETENT);

	private final EmailMapper mapper;

	private final EmailTemplates templates;

	private final Cases cases;

	private final Directory directory;

	private final Clock clock;

	EmailOutbox(EmailMapper mapper, EmailTemplates templates, Cases cases, Directory directory, Clock clock) {
		this.mapper = mapper;
		this.templates = templates;
		this.cases = cases;
		this.directory = directory;
		this.clock = clock;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void opened(CaseOpened opened) {
		Contact contact = this.cases.contactOf(opened.caseId());
		if (!mayWrite(contact)) {
			return;
		}
		EmailTemplates.Filled filled = this.templates.render(EmailTemplates.ACKNOWLEDGEMENT, contact.language(),
				Map.of("code", opened.trackingCode(), "status", statusName(CaseStatus.RICEVUTA, contact.language())));
		insert(opened.caseId(), contact, EmailTemplates.ACKNOWLEDGEMENT, filled, opened.pin());
	}

	/**
	 * Written when the engine's transaction is about to commit: the step is complete by
	 * then (the answers are recorded, a transfer has moved the case).
	 */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void statusChanged(CaseStatusChanged change) {
		if (change.to() == CaseStatus.RICEVUTA) {
			// the acknowledgement says it
			return;
		}
		Contact contact = this.cases.contactOf(change.caseId());
		if (!mayWrite(contact)) {
			return;
		}
		CaseRow row = this.cases.byId(change.caseId()).orElseThrow();
		String names = String.join(", ", this.cases.inChargeNames(row.id()));
		java.util.Optional<EmailTemplates.Filled> rendered = this.templates.renderIfAny(change.to().name(),
				contact.language(),
				Map.of("code", row.trackingCode(), "status", statusName(change.to(), contact.language()),
						"administration", names.isEmpty() ? "Sportello" : names, "answer",
						answers(row.id(), change.to())));
		if (rendered.isEmpty()) {
			// a status without an email template sends no email
			return;
		}
		EmailTemplates.Filled filled = rendered.get();
		if (this.mapper.replaceQueued(row.id(), change.to().name(), filled.subject(), filled.body(),
				this.clock.instant()) == 0) {
			insert(row.id(), contact, change.to().name(), filled, null);
		}
	}

	@EventListener
	void erased(PersonalDataErased erased) {
		this.mapper.blankCase(erased.caseId());
	}

	/** The emails of a case, oldest first (case view). */
	public List<EmailMessage> ofCase(String caseId) {
		return this.mapper.ofCase(caseId);
	}

	/** The latest emails of the outbox, newest first (/admin/email). */
	public List<EmailMessage> latest(int limit) {
		return this.mapper.latest(limit);
	}

	/** What became of the latest messages read from the mailboxes (/admin/email). */
	public List<InboundRecord> latestInbound(int limit) {
		return this.mapper.latestInbound(limit);
	}

	/**
	 * The link in an email (or its List-Unsubscribe header): no more emails to that
	 * address. Answers whether the token named an email.
	 */
	@Transactional
	public boolean unsubscribe(String token) {
		return this.mapper.byId(token).filter((message) -> !message.toAddress().isEmpty()).map((message) -> {
			this.mapper.optOut(message.toAddress(), this.clock.instant());
			return true;
		}).orElse(false);
	}

	private boolean mayWrite(Contact contact) {
		return contact != null && contact.email() != null && !contact.email().isBlank()
				&& this.mapper.optedOut(contact.email()) == 0;
	}

	private void insert(String caseId, Contact contact, String kind, EmailTemplates.Filled filled, String pin) {
		Instant now = this.clock.instant();
		String language = "en".equals(contact.language()) ? "en" : "it";
		this.mapper.insert(new EmailMessage(UUID.randomUUID().toString(), caseId, contact.email(), kind, language,
				filled.subject(), filled.body(), pin, Status.QUEUED, 0, now, null, null, null, null, now, null, now));
	}

	/**
	 * The texts written for the citizen that go with a status: the office's request when
	 * it waits for documents, the answers when the case ends, each with its
	 * administration.
	 */
	private String answers(String caseId, CaseStatus status) {
		List<CaseAnswer> answers = this.cases.answersOf(caseId);
		if (status == CaseStatus.IN_ATTESA_DI_INTEGRAZIONE) {
			return answers.stream()
				.filter((answer) -> answer.kind() == CaseAnswer.Kind.REQUEST_INFO)
				.reduce((first, second) -> second)
				.map(this::withAdministration)
				.orElse("");
		}
		if (!status.isFinal()) {
			return "";
		}
		return answers.stream()
			.filter((answer) -> FINAL_ANSWERS.contains(answer.kind()))
			.map(this::withAdministration)
			.collect(Collectors.joining("\n\n"));
	}

	private String withAdministration(CaseAnswer answer) {
		String name = (answer.administrationCode() == null) ? null
				: this.directory.administration(answer.administrationCode())
					.map((administration) -> administration.name())
					.orElse(answer.administrationCode());
		return ((name != null) ? name + ":\n" : "") + answer.body();
	}

	private static String statusName(CaseStatus status, String language) {
		// the status labels the pages show
		return java.util.ResourceBundle
			.getBundle("vaadin-i18n.translations", java.util.Locale.forLanguageTag("en".equals(language) ? "en" : "it"))
			.getString("status." + status.name());
	}

}
