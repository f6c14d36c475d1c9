package org.sportello.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.sportello.cases.CaseRow;
import org.sportello.cases.CaseStatusChanged;
import org.sportello.cases.Cases;
import org.sportello.cases.Contact;
import org.sportello.documents.DocumentsReminderDue;
import org.sportello.notify.SmsMessage.Status;

import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SMS outbox. A citizen-visible status change of a case whose citizen consented
 * writes the status SMS into the outbox in the same transaction as the change (rolled
 * back with it); the {@link SmsDispatcher} sends it. While an SMS of the case is still
 * queued, a newer status replaces its text: the citizen gets the latest news, not a
 * burst.
 */
@Service
public class SmsOutbox {

	private final SmsMapper mapper;

	private final SmsTemplates templates;

	private final Cases cases;

	private final Clock clock;

	SmsOutbox(SmsMapper mapper, SmsTemplates templates, Cases cases, Clock clock) {
		this.mapper = mapper;
		this.templates = templates;
		this.cases = cases;
		this.clock = clock;
	}

	/**
	 * Written when the engine's transaction is about to commit, in it: by then the step
	 * is complete (a transfer has moved the case, the new office's task exists), so the
	 * text names the administrations in charge at the time of the status, not those of a
	 * moment before it.
	 */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void statusChanged(CaseStatusChanged change) {
		Contact contact = this.cases.contactOf(change.caseId());
		if (!mayText(contact)) {
			return;
		}
		String caseId = change.caseId();
		// the case's code and channel: as the opening transaction knows them, or read
		Cases.Opening kase = this.cases.opening(caseId).orElseThrow();
		if (change.opening() && kase.channel() == org.sportello.cases.Channel.SMS) {
			// the citizen texted: the answer to that text gives the code
			return;
		}
		String body = this.templates.render(change.to(), contact.language(), kase.trackingCode(),
				() -> administrationsOf(caseId));
		Instant now = this.clock.instant();
		// a case being opened has no SMS queued yet to replace
		if (change.opening() || this.mapper.replaceQueued(caseId, body, change.to(), now) == 0) {
			this.mapper.insert(new SmsMessage(UUID.randomUUID().toString(), caseId, contact.phone(), body, change.to(),
					Status.QUEUED, 0, now, null, null, null, null, now, null, now, 0));
		}
	}

	/**
	 * The reminder before a request for documents falls due: one SMS, in the same
	 * transaction as the process step that decided it, to a citizen who consented.
	 */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void documentsReminderDue(DocumentsReminderDue due) {
		Contact contact = this.cases.contactOf(due.caseId());
		if (!mayText(contact)) {
			return;
		}
		CaseRow row = this.cases.byId(due.caseId()).orElseThrow();
		String body = this.templates.documentsReminder(contact.language(), row.trackingCode(), due.dueOn());
		Instant now = this.clock.instant();
		// no case status: a newer status SMS does not replace it, and it is sent as
		// written
		this.mapper.insert(new SmsMessage(UUID.randomUUID().toString(), row.id(), contact.phone(), body, null,
				Status.QUEUED, 0, now, null, null, null, null, now, null, now, 0));
	}

	/**
	 * An SMS about no case (a call-back request that could not be answered), in the
	 * caller's transaction, unless the number sent STOP.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public void notice(String phone, String body) {
		if (phone == null || phone.isBlank() || this.mapper.optedOut(phone) > 0) {
			return;
		}
		Instant now = this.clock.instant();
		this.mapper.insert(new SmsMessage(UUID.randomUUID().toString(), null, phone, body, null, Status.QUEUED, 0, now,
				null, null, null, null, now, null, now, 0));
	}

	/** A citizen who gave a mobile number, consented, and has not sent STOP since. */
	private boolean mayText(Contact contact) {
		return contact != null && contact.smsConsent() && contact.phone() != null
				&& this.mapper.optedOut(contact.phone()) == 0;
	}

	/**
	 * The text to send now: a status SMS is filled again at sending time, when the
	 * administrations a just-routed case went to are known.
	 */
	String currentBody(SmsMessage message) {
		if (message.caseId() == null || message.caseStatus() == null) {
			return message.body();
		}
		CaseRow row = this.cases.byId(message.caseId()).orElseThrow();
		Contact contact = this.cases.contactOf(row.id());
		return this.templates.render(message.caseStatus(), contact.language(), row.trackingCode(),
				() -> administrationsOf(row.id()));
	}

	/** The SMS of a case, oldest first (for the case view and the API). */
	public List<SmsMessage> ofCase(String caseId) {
		return this.mapper.ofCase(caseId);
	}

	/** The latest SMS of the whole outbox, newest first (for /admin/sms). */
	public List<SmsMessage> latest(int limit) {
		return this.mapper.latest(limit);
	}

	@Transactional
	public void optOut(String phone) {
		this.mapper.optOut(phone, this.clock.instant());
	}

	@Transactional
	public void optIn(String phone) {
		this.mapper.optIn(phone);
	}

	public boolean isOptedOut(String phone) {
		return this.mapper.optedOut(phone) > 0;
	}

	/** The administrations working the case now, by name ("Sportello" before routing). */
	String administrationsOf(String caseId) {
		String names = String.join(", ", this.cases.inChargeNames(caseId));
		return names.isEmpty() ? null : names;
	}

}
