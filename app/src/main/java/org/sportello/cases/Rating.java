package org.sportello.cases;

import java.time.Instant;

/** A citizen's satisfaction with a finished case: three emoticons and a comment. */
public record Rating(String caseId, Value rating, String comment, Source source, Instant createdAt) {

	public enum Value {

		POSITIVE, NEUTRAL, NEGATIVE

	}

	/** Where the rating came from. */
	public enum Source {

		WEB, SMS

	}

}
