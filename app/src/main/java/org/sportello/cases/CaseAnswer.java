package org.sportello.cases;

import java.time.Instant;

/**
 * What an office answered on a case: the text its official wrote for the citizen (or, for
 * internal kinds, for the other offices), with who and when.
 *
 * @param citizenVisible whether the citizen reads it on the tracking page
 */
public record CaseAnswer(String id, String caseId, Kind kind, String officeGroupId, String administrationCode,
		String author, String body, boolean citizenVisible, Instant createdAt) {

	/** Which decision the text goes with. */
	public enum Kind {

		/** The front office answered on the spot. */
		FRONT_OFFICE(true),
		/** A back office's answer. */
		ANSWER(true),
		/** A back office asks the citizen for documents or information. */
		REQUEST_INFO(true),
		/** A back office explains why the request is not within its competence. */
		NOT_COMPETENT(true),
		/** A back office's reason for a transfer: for the offices, not the citizen. */
		TRANSFER(false),
		/**
		 * A back office's answer for the front office to pass on by calling the citizen.
		 */
		BACK_TO_FRONT_OFFICE(false),
		/** The front office's note after calling the citizen back. */
		CALLBACK(false),
		/**
		 * The front office's note when it forwards the case: what the back office should
		 * know (for the offices, not the citizen).
		 */
		FORWARD(false);

		private final boolean citizenVisible;

		Kind(boolean citizenVisible) {
			this.citizenVisible = citizenVisible;
		}

		public boolean citizenVisible() {
			return this.citizenVisible;
		}

	}

}
