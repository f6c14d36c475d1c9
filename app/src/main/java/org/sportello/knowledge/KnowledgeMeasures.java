package org.sportello.knowledge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * What editors and reviewers need to keep the knowledge base useful: the questions
 * citizens searched for without an answer, the articles past their review or validity,
 * and how much each article is used and judged. The front office's closure rate and the
 * share of cases closed with an article are in the reports (reporting module).
 */
@Service
public class KnowledgeMeasures {

	/** How far back measures look. */
	public static final Duration WINDOW = Duration.ofDays(90);

	private static final int GAPS_SHOWN = 50;

	private final MeasureMapper mapper;

	private final Clock clock;

	private final int minSearches;

	KnowledgeMeasures(MeasureMapper mapper, Clock clock,
			@Value("${sportello.knowledge.gap-min-searches:2}") int minSearches) {
		this.mapper = mapper;
		this.clock = clock;
		this.minSearches = minSearches;
	}

	/** A question searched for on /faq that found nothing. */
	public record Gap(String query, String language, long searches, Instant lastSearched) {
	}

	/** A published article past its review date or its validity. */
	public record Overdue(String articleId, String question, String administrationCode, LocalDate nextReview,
			LocalDate validUntil) {
	}

	/** Use and judgement of a published article in the window. */
	public record Usage(String articleId, String question, String administrationCode, ArticleStatus status, long uses,
			long operatorsNotHelpful, long citizensHelpful, long citizensNotHelpful) {
	}

	/**
	 * The network's gaps (a question has no owner yet), each asked by at least
	 * {@code sportello.knowledge.gap-min-searches} searches: a query typed once could
	 * still say something about the one who typed it.
	 */
	public List<Gap> gaps() {
		return this.mapper.gaps(this.clock.instant().minus(WINDOW), this.minSearches, GAPS_SHOWN);
	}

	public List<Overdue> overdue(Set<String> administrations) {
		if (administrations.isEmpty()) {
			return List.of();
		}
		return this.mapper.overdue(administrations, LocalDate.now(this.clock));
	}

	public List<Usage> usage(Set<String> administrations) {
		if (administrations.isEmpty()) {
			return List.of();
		}
		return this.mapper.usage(administrations, this.clock.instant().minus(WINDOW));
	}

}
