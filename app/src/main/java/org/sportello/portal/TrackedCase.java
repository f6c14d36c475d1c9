package org.sportello.portal;

import java.time.Instant;
import java.util.List;

import org.sportello.cases.CaseAnswer;
import org.sportello.cases.CaseStatus;
import org.sportello.cases.Rating;
import org.sportello.cases.TimelineEvent.EventType;
import org.sportello.documents.AskedDocuments;

/**
 * What a citizen sees of a case: the answers written for the citizen, never internal
 * notes, officials' or offices' names, or other text written by officials.
 *
 * @param inCharge the administrations working the case now
 * @param rateable whether the citizen may rate it now (finished, not yet rated)
 * @param rating the citizen's rating, if given
 * @param documentRequests what the offices asked the citizen for, oldest first
 * @param waitingForCitizen whether an office waits for the citizen's reply now
 */
public record TrackedCase(String trackingCode, CaseStatus status, Instant openedAt, List<String> inCharge,
		List<Step> timeline, List<Answer> answers, boolean rateable, Rating.Value rating,
		List<AskedDocuments> documentRequests, boolean waitingForCitizen) {

	/**
	 * An answer written for the citizen, by administration (never the official's name).
	 */
	public record Answer(Instant at, CaseAnswer.Kind kind, String administration, String text) {
	}

	/**
	 * One citizen-visible step: its kind, the status reached (status changes), the
	 * administration (transfers).
	 */
	public record Step(Instant at, EventType type, CaseStatus status, String administration) {
	}

}
