package org.sportello.knowledge;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An article as exchanged with an administration's own knowledge base (JSON or CSV, one
 * row each): texts as written, dates as {@code 2026-12-31}. The slug is the article's
 * identity: importing a row with a known slug updates that article.
 */
@JsonPropertyOrder({ "slug", "administration", "topic", "audience", "language", "status", "question", "answer", "tags",
		"legalBasis", "validFrom", "validUntil" })
public record ArticleRow(String slug, String administration, String topic, String audience, String language,
		String status, String question, String answer, String tags, String legalBasis, String validFrom,
		String validUntil) {

	static ArticleRow of(Article article) {
		return new ArticleRow(article.slug(), article.administrationCode(), article.topicCode(),
				article.audience().name(), article.language(), article.status().name(), article.question(),
				article.answer(), article.tags(), article.legalBasis(),
				(article.validFrom() != null) ? article.validFrom().toString() : null,
				(article.validUntil() != null) ? article.validUntil().toString() : null);
	}

}
