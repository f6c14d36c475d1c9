package org.sportello.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.sportello.cases.Attachment;
import org.sportello.cases.Attachments;
import org.sportello.cases.CaseAnswer;
import org.sportello.cases.CaseRow;
import org.sportello.cases.Cases;
import org.sportello.cases.Contact;
import org.sportello.cases.Rating;
import org.sportello.cases.Ratings;
import org.sportello.cases.TimelineEvent;
import org.sportello.documents.DocumentRequest;
import org.sportello.documents.DocumentRequests;
import org.sportello.notify.SmsMessage;
import org.sportello.notify.SmsOutbox;
import org.sportello.tasklist.CaseNote;
import org.sportello.tasklist.TaskActions;

import org.springframework.stereotype.Service;

/**
 * Everything Sportello holds about one citizen (GDPR art. 15 and 20), found by the phone
 * number or email of their cases: each case with its contact, texts, timeline, answers,
 * internal notes, requests for documents, SMS, rating, attachments (their names and
 * sizes; the files are on the case page) and who opened it. For administrators; each
 * export is itself written in the cases' access log.
 */
@Service
public class CitizenData {

	private final Cases cases;

	private final Ratings ratings;

	private final Attachments attachments;

	private final DocumentRequests documents;

	private final SmsOutbox sms;

	private final TaskActions tasks;

	private final AccessLog accessLog;

	private final Clock clock;

	private final ObjectMapper json;

	CitizenData(Cases cases, Ratings ratings, Attachments attachments, DocumentRequests documents, SmsOutbox sms,
			TaskActions tasks, AccessLog accessLog, Clock clock, ObjectMapper json) {
		this.cases = cases;
		this.ratings = ratings;
		this.attachments = attachments;
		this.documents = documents;
		this.sms = sms;
		this.tasks = tasks;
		this.accessLog = accessLog;
		this.clock = clock;
		this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
	}

	/** The export: who asked, for whom, when, and the cases found. */
	public record Export(String contact, Instant preparedAt, String preparedBy, List<CaseData> cases) {
	}

	public record CaseData(String trackingCode, String channel, String topic, String description, String municipality,
			String status, Instant openedAt, Instant lastChangedAt, Instant personalDataErasedAt, Contact contact,
			List<TimelineEvent> timeline, List<CaseAnswer> answers, List<CaseNote> internalNotes,
			List<DocumentRequest> documentRequests, List<SmsMessage> sms, Rating rating, List<Attachment> attachments,
			List<CaseAccess> accesses) {
	}

	/**
	 * The citizen's data; no case when the phone or email matches none (or is neither).
	 */
	public Export export(String phoneOrEmail, String administrator) {
		List<CaseData> found = this.cases.casesOfContact(phoneOrEmail).stream().map((caseId) -> {
			this.accessLog.opened(caseId, administrator, CaseAccess.Via.EXPORT);
			return caseData(this.cases.byId(caseId).orElseThrow());
		}).toList();
		return new Export(phoneOrEmail, this.clock.instant(), administrator, found);
	}

	/** The export as the JSON an administrator downloads. */
	public byte[] json(Export export) {
		try {
			return this.json.writeValueAsBytes(export);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private CaseData caseData(CaseRow row) {
		String id = row.id();
		return new CaseData(row.trackingCode(), row.channel().name(), row.topicCode(), row.description(),
				row.municipality(), row.status().name(), row.createdAt(), row.updatedAt(),
				this.cases.erasedAt(id).orElse(null), this.cases.contactOf(id), this.cases.timelineOf(id),
				this.cases.answersOf(id), this.tasks.notes(id), this.documents.ofCase(id), this.sms.ofCase(id),
				this.ratings.of(id).orElse(null), this.attachments.ofCase(id), this.accessLog.ofCase(id));
	}

}
