package org.sportello.knowledge;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A question and its answer in the network's knowledge base, owned by one administration.
 * The answer is Markdown ({@link ArticleText} renders it); {@code slug} is its stable
 * address on {@code /faq/{slug}}.
 */
public record Article(String id, String slug, String administrationCode, String topicCode, Audience audience,
		String language, ArticleStatus status, String question, String answer, String tags, String legalBasis,
		LocalDate validFrom, LocalDate validUntil, int version, String updatedBy, Instant updatedAt) {

	/** Who may read an article. */
	public enum Audience {

		/** Citizens on /faq and every office. */
		PUBLIC,
		/** Operators of the network only. */
		OPERATORS

	}

	public boolean isPublic() {
		return this.audience == Audience.PUBLIC;
	}

}
