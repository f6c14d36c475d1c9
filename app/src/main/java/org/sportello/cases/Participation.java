package org.sportello.cases;

import java.time.Instant;

/** An administration taking part in a case. */
public record Participation(String caseId, String administrationCode, Role role, Instant since) {

	public enum Role {

		/** First competent administration. */
		OWNER,
		/** Works the case jointly with the owner. */
		JOINT,
		/** Transferred the case away: keeps read access and sees the outcome. */
		FORMER

	}

}
