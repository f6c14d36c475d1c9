package org.sportello.documents;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.sportello.cases.Attachments;
import org.sportello.cases.CaseRow;
import org.sportello.cases.Cases;
import org.sportello.cases.FreeText;
import org.sportello.cases.NewAttachment;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The citizen's reply to a request for documents or information, sent on the tracking
 * page or brought to the front office: the files join the case's attachments (same checks
 * as every upload), the message goes on the timeline, the open requests are answered and
 * every office waiting for the citizen resumes. All of it or nothing.
 */
@Service
public class CitizenReplies {

	/** The message the process waits for (processes/citizen-request.bpmn). */
	static final String CITIZEN_REPLY = "citizenReply";

	/** Who uploaded, when the citizen sends the reply on the tracking page. */
	public static final String CITIZEN = "citizen";

	private final Cases cases;

	private final Attachments attachments;

	private final DocumentRequests requests;

	private final RuntimeService runtimeService;

	CitizenReplies(Cases cases, Attachments attachments, DocumentRequests requests, RuntimeService runtimeService) {
		this.cases = cases;
		this.attachments = attachments;
		this.requests = requests;
		this.runtimeService = runtimeService;
	}

	/** Whether an office of the case waits for the citizen now. */
	public boolean isWaiting(String trackingCode) {
		return this.runtimeService.createExecutionQuery()
			.processInstanceBusinessKey(trackingCode)
			.messageEventSubscriptionName(CITIZEN_REPLY)
			.count() > 0;
	}

	/**
	 * Takes the reply: a message of 5 to 2000 characters, optional when files come with
	 * it. {@code actor} is the front-office operator, or {@link #CITIZEN}.
	 */
	@Transactional
	public void reply(CaseRow kase, String message, List<NewAttachment> files, String actor) {
		String text = FreeText.normalizeToNull(message);
		if ((text == null && files.isEmpty()) || (text != null && !FreeText.fits(text, 5, 2000))) {
			throw new ReplyRefusedException("note", "invalid-note");
		}
		if (!isWaiting(kase.trackingCode())) {
			throw new ReplyRefusedException(null, "not-waiting");
		}
		onTimeline(kase, text, files, actor);
		this.requests.answered(kase.id());
		this.runtimeService.createMessageCorrelation(CITIZEN_REPLY)
			.processInstanceBusinessKey(kase.trackingCode())
			.correlateAll();
	}

	/**
	 * A message from the citizen that came by itself (a reply to an email): the reply the
	 * process waits for when an office waits for one; otherwise kept on the case's
	 * timeline, with its files, for the offices in charge to read. Answers whether an
	 * office was waiting.
	 */
	@Transactional
	public boolean receive(CaseRow kase, String message, List<NewAttachment> files) {
		String text = FreeText.normalizeToNull(message);
		if (text != null && text.codePointCount(0, text.length()) > 2000) {
			text = text.substring(0, text.offsetByCodePoints(0, 1999)) + "\u2026";
		}
		if (text != null && !FreeText.fits(text, 5, 2000)) {
			text = null;
		}
		if (isWaiting(kase.trackingCode()) && (text != null || !files.isEmpty())) {
			reply(kase, text, files, CITIZEN);
			return true;
		}
		if (text != null || !files.isEmpty()) {
			onTimeline(kase, text, files, CITIZEN);
		}
		return false;
	}

	/** The files stored and the message on the timeline, with the files' names. */
	private void onTimeline(CaseRow kase, String text, List<NewAttachment> files, String actor) {
		List<String> names = new java.util.ArrayList<>();
		for (NewAttachment file : files) {
			names.add(this.attachments.attach(kase.id(), file.fileName(), file.content(), actor).fileName());
		}
		String detail = (text != null) ? text : "";
		if (!names.isEmpty()) {
			detail = (detail.isEmpty() ? "" : detail + " ") + "[" + String.join(", ", names) + "]";
		}
		this.cases.citizenReplied(kase.id(), CITIZEN.equals(actor) ? null : actor, detail);
	}

	/** As {@link #reply(CaseRow, String, List, String)}, by tracking code. */
	@Transactional
	public void reply(String trackingCode, String message, List<NewAttachment> files, String actor) {
		CaseRow kase = this.cases.byTrackingCode(trackingCode)
			.orElseThrow(() -> new ReplyRefusedException(null, "not-waiting"));
		reply(kase, message, files, actor);
	}

}
