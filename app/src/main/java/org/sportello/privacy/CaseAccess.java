package org.sportello.privacy;

import java.time.Instant;

/** An official opened a case: who, how, when. */
public record CaseAccess(String userId, Via via, Instant accessedAt) {

	/** Where the case was read: its page, the case API, a subject-access export. */
	public enum Via {

		UI, API, EXPORT

	}

}
