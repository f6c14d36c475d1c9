package org.sportello.mail;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sportello.cases.AttachmentRejectedException;
import org.sportello.cases.Attachments;
import org.sportello.cases.CaseRow;
import org.sportello.cases.Cases;
import org.sportello.cases.Channel;
import org.sportello.cases.Contact;
import org.sportello.cases.FreeText;
import org.sportello.cases.NewAttachment;
import org.sportello.cases.OpenedCase;
import org.sportello.documents.CitizenReplies;
import org.sportello.intake.IntakeRequest;
import org.sportello.intake.SelfIntake;
import org.sportello.intake.SelfIntakeLimitedException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a message read from a mailbox does, in one transaction with the row that records
 * it ({@code spt_mail_inbound}, keyed by its Message-ID): the same message read again, or
 * by another node at the same moment, does nothing more (the second insert of the key
 * fails and its transaction rolls back). A reply whose subject carries the tracking code
 * of an open case, from the case's own address, goes to that case (and resumes an office
 * waiting for the citizen); auto-replies, bounces and PEC receipts open nothing; any
 * other message opens a case of the mailbox's channel, topic "to be classified", whose
 * sender gets the acknowledgement with code and PIN.
 */
@Service
class MailIntake {

	static final String OTHER_TOPIC = "OTHER";

	private static final Logger log = LoggerFactory.getLogger(MailIntake.class);

	/** What became of a message. */
	enum Outcome {

		OPENED, REPLY, IGNORED, RECEIPT, LIMITED, SEEN

	}

	private final EmailMapper mapper;

	private final SelfIntake intake;

	private final Cases cases;

	private final CitizenReplies replies;

	private final Attachments attachments;

	private final Clock clock;

	MailIntake(EmailMapper mapper, SelfIntake intake, Cases cases, CitizenReplies replies, Attachments attachments,
			Clock clock) {
		this.mapper = mapper;
		this.intake = intake;
		this.cases = cases;
		this.replies = replies;
		this.attachments = attachments;
		this.clock = clock;
	}

	@Transactional
	public Outcome take(MailSettings.Mailbox mailbox, InboundMail mail) {
		if (this.mapper.seen(mail.key()) > 0) {
			return Outcome.SEEN;
		}
		// the case a reply goes to, looked up once
		Optional<CaseRow> replyTo = (mail.receipt() == null && !mail.automatic() && mail.fromAddress() != null)
				? replyTo(mail) : Optional.empty();
		Outcome outcome = classify(mailbox, mail, replyTo.isPresent());
		this.mapper.insertInbound(mail.key(), mailbox.id(), this.clock.instant(), outcome.name(), null,
				(mail.receipt() != null) ? truncate(mail.receipt(), 200) : null);
		String caseId = switch (outcome) {
			case REPLY -> reply(replyTo.orElseThrow(), mail);
			case OPENED -> open(mailbox, mail);
			default -> null;
		};
		if (caseId != null) {
			this.mapper.inboundCase(mail.key(), caseId);
		}
		log.info("Mailbox {}: message {} {}", mailbox.id(), mail.key().substring(0, 12), outcome);
		return outcome;
	}

	/**
	 * A message that cannot become a case (what it says fails the checks of every
	 * request): recorded as ignored, so that it is not read again and again.
	 */
	@Transactional
	public void ignore(MailSettings.Mailbox mailbox, InboundMail mail, String why) {
		if (this.mapper.seen(mail.key()) == 0) {
			this.mapper.insertInbound(mail.key(), mailbox.id(), this.clock.instant(), Outcome.IGNORED.name(), null,
					truncate(why, 200));
		}
	}

	private Outcome classify(MailSettings.Mailbox mailbox, InboundMail mail, boolean reply) {
		if (mail.receipt() != null) {
			return Outcome.RECEIPT;
		}
		if (mail.automatic() || mail.fromAddress() == null) {
			return Outcome.IGNORED;
		}
		if (reply) {
			return Outcome.REPLY;
		}
		if (mail.text().isBlank() && mail.subject().isBlank() && mail.files().isEmpty()) {
			return Outcome.IGNORED;
		}
		return this.intake.allowed(mailbox.channel(), mail.fromAddress()) ? Outcome.OPENED : Outcome.LIMITED;
	}

	/** The open case the subject names, when the sender is its citizen. */
	private Optional<CaseRow> replyTo(InboundMail mail) {
		return org.sportello.cases.TrackingCodes.findIn(mail.subject())
			.flatMap(this.cases::byTrackingCode)
			.filter((row) -> !row.status().isFinal())
			.filter((row) -> {
				Contact contact = this.cases.contactOf(row.id());
				return contact != null && mail.fromAddress().equalsIgnoreCase(String.valueOf(contact.email()));
			});
	}

	private String reply(CaseRow row, InboundMail mail) {
		this.replies.receive(row, mail.textWithoutQuote(), accepted(mail.files()));
		return row.id();
	}

	private String open(MailSettings.Mailbox mailbox, InboundMail mail) {
		String name = (mail.fromName() != null && !mail.fromName().isBlank()) ? mail.fromName()
				: mail.fromAddress().substring(0, mail.fromAddress().indexOf('@'));
		List<NewAttachment> files = accepted(mail.files());
		StringBuilder description = new StringBuilder();
		if (!mail.subject().isBlank()) {
			description.append(mail.subject()).append("\n\n");
		}
		description.append(mail.text());
		int refused = mail.files().size() - files.size() + mail.refusedFiles().size();
		if (refused > 0) {
			description.append("\n\n[")
				.append(refused)
				.append(" allegati non accettati: solo PDF, PNG, JPEG fino a 10 MB]");
		}
		String text = fit(description.toString());
		IntakeRequest request = new IntakeRequest(mailbox.channel(), OTHER_TOPIC, text, null, new IntakeRequest.Citizen(
				truncate(plain(name).strip(), 200), null, mail.fromAddress(), false, mail.language()), Set.of());
		try {
			OpenedCase opened = this.intake.open(request, files, mail.fromAddress(), "mail:" + mailbox.id());
			if (mail.original() != null) {
				this.attachments.attachOriginalMessage(opened.caseId(), mail.original(), "mail:" + mailbox.id());
			}
			return opened.caseId();
		}
		catch (SelfIntakeLimitedException ex) {
			// a race with another node past the limit: the message is recorded, not
			// opened
			return null;
		}
	}

	/** The files the case can take (PDF, PNG, JPEG within the size limit). */
	private List<NewAttachment> accepted(List<NewAttachment> files) {
		List<NewAttachment> accepted = new ArrayList<>();
		for (NewAttachment file : files) {
			try {
				this.attachments.check(file.fileName(), file.content());
				accepted.add(file);
			}
			catch (AttachmentRejectedException ex) {
				// listed in the description as not accepted
			}
		}
		return accepted;
	}

	/** A description of 10 to 4000 characters, kept as written. */
	private static String fit(String text) {
		String normalized = FreeText.normalize(plain(text));
		if (FreeText.length(normalized) > 4000) {
			normalized = normalized.substring(0, normalized.offsetByCodePoints(0, 3990)) + " [\u2026]";
		}
		while (FreeText.length(normalized) < 10) {
			normalized = normalized + " (email)";
		}
		return normalized;
	}

	/** Without the control characters mail may carry (tab and line breaks stay). */
	private static String plain(String text) {
		return text.replaceAll("[\\p{Cntrl}&&[^\\t\\n\\r]]", "").replaceAll("[\\uD800-\\uDFFF]", "\uFFFD");
	}

	private static String truncate(String text, int max) {
		return (text.codePointCount(0, text.length()) <= max) ? text
				: text.substring(0, text.offsetByCodePoints(0, max));
	}

}
