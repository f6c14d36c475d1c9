package org.sportello.portal;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sportello.cases.CaseAnswer;
import org.sportello.cases.CaseRow;
import org.sportello.cases.Cases;
import org.sportello.cases.NewAttachment;
import org.sportello.documents.AskedDocuments;
import org.sportello.documents.CitizenReplies;
import org.sportello.documents.DocumentRequests;
import org.sportello.cases.Rating;
import org.sportello.cases.Ratings;
import org.sportello.cases.TimelineEvent;
import org.sportello.cases.TrackingCodes;
import org.sportello.directory.Directory;

import org.springframework.stereotype.Service;

/**
 * The citizen's view of a case, by tracking code and PIN, for the {@code /track} page and
 * {@code POST /api/public/track}; ratings of finished cases. Wrong codes and wrong PINs
 * get the same refusal, and an address that keeps failing must wait.
 */
@Service
public class PublicTracking {

	private static final Logger log = LoggerFactory.getLogger(PublicTracking.class);

	private final Cases cases;

	private final Ratings ratings;

	private final Directory directory;

	private final AttemptLimiter limiter;

	private final DocumentRequests documents;

	private final CitizenReplies replies;

	PublicTracking(Cases cases, Ratings ratings, Directory directory, AttemptLimiter limiter,
			DocumentRequests documents, CitizenReplies replies) {
		this.documents = documents;
		this.replies = replies;
		this.cases = cases;
		this.ratings = ratings;
		this.directory = directory;
		this.limiter = limiter;
	}

	public TrackedCase track(String trackingCode, String pin, String clientAddress) {
		return view(authenticate(trackingCode, pin, clientAddress));
	}

	public TrackedCase rate(String trackingCode, String pin, Rating.Value value, String comment, String clientAddress) {
		CaseRow row = authenticate(trackingCode, pin, clientAddress);
		this.ratings.rate(row, value, comment, Rating.Source.WEB);
		return view(row);
	}

	/**
	 * The citizen's reply to a request for documents, with the files; checked again with
	 * the code and PIN.
	 */
	public TrackedCase reply(String trackingCode, String pin, String message, List<NewAttachment> files,
			String clientAddress) {
		CaseRow row = authenticate(trackingCode, pin, clientAddress);
		this.replies.reply(row, message, files, CitizenReplies.CITIZEN);
		return view(this.cases.byId(row.id()).orElseThrow());
	}

	private CaseRow authenticate(String trackingCode, String pin, String clientAddress) {
		String code = (trackingCode == null) ? "" : TrackingCodes.normalize(trackingCode);
		this.limiter.check(clientAddress, code);
		Optional<CaseRow> row = this.cases.byCodeAndPin(code, pin);
		if (row.isEmpty()) {
			this.limiter.failed(clientAddress, code);
			log.info("Tracking refused for address {}", clientAddress);
			throw new TrackingRefusedException();
		}
		return row.get();
	}

	private TrackedCase view(CaseRow row) {
		List<String> inCharge = this.cases.inChargeNames(row.id());
		List<TrackedCase.Step> steps = this.cases.timelineOf(row.id())
			.stream()
			.filter(TimelineEvent::citizenVisible)
			.map((event) -> new TrackedCase.Step(event.occurredAt(), event.eventType(), event.status(),
					(event.eventType() == TimelineEvent.EventType.TRANSFERRED
							|| event.eventType() == TimelineEvent.EventType.EXCHANGED)
									? name(event.administrationCode()) : null))
			.toList();
		List<AskedDocuments> asked = this.documents.askedOf(row.id());
		List<TrackedCase.Answer> answers = this.cases.answersOf(row.id())
			.stream()
			.filter(CaseAnswer::citizenVisible)
			.map((answer) -> new TrackedCase.Answer(answer.createdAt(), answer.kind(),
					(answer.administrationCode() != null) ? name(answer.administrationCode()) : null, answer.body()))
			.toList();
		Optional<Rating> rating = this.ratings.of(row.id());
		return new TrackedCase(row.trackingCode(), row.status(), row.createdAt(), inCharge, steps, answers,
				row.status().isFinal() && rating.isEmpty(), rating.map(Rating::rating).orElse(null), asked,
				this.replies.isWaiting(row.trackingCode()));
	}

	private String name(String administrationCode) {
		return this.directory.administrationName(administrationCode);
	}

}
