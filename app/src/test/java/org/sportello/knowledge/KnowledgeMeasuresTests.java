package org.sportello.knowledge;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sportello.support.H2ApplicationTest;
import org.sportello.support.TestClock;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editors' measures with the application's knowledge base: citizens' searches without
 * a result become gaps (without their personal data, only once asked more than once),
 * articles past their review date are listed to their administration, and each article's
 * use and judgement is counted.
 */
@H2ApplicationTest
class KnowledgeMeasuresTests {

	@Autowired
	KnowledgeBase knowledge;

	@Autowired
	KnowledgeMeasures measures;

	@AfterEach
	void realTimeAgain() {
		TestClock.reset();
	}

	@Test
	void searchesWithoutAnAnswerBecomeGapsWithoutPersonalData() {
		String question = "contrassegno zxqvolante parcheggio";
		assertThat(this.knowledge.publicSearch(question + " mario.rossi@example.it +39 333 1234567", null, 10, "it"))
			.isEmpty();
		assertThat(this.measures.gaps()).extracting(KnowledgeMeasures.Gap::query)
			.as("asked once: not shown yet")
			.doesNotContain(question);

		assertThat(this.knowledge.publicSearch("Contrassegno  ZXQVOLANTE parcheggio SPT-2345-6789", null, 10, "it"))
			.isEmpty();
		assertThat(this.measures.gaps()).filteredOn((gap) -> gap.query().equals(question))
			.singleElement()
			.satisfies((gap) -> {
				assertThat(gap.searches()).isEqualTo(2);
				assertThat(gap.language()).isEqualTo("it");
			});
		assertThat(this.measures.gaps()).extracting(KnowledgeMeasures.Gap::query)
			.noneMatch((query) -> query.contains("@") || query.contains("333") || query.contains("spt-"));

		// a search that finds an answer is no gap
		assertThat(this.knowledge.publicSearch("contributo ricostruzione", null, 10, "it")).isNotEmpty();
		assertThat(this.measures.gaps()).extracting(KnowledgeMeasures.Gap::query)
			.doesNotContain("contributo ricostruzione");
	}

	@Test
	void articlesPastTheirReviewAreListedToTheirAdministration() {
		LocalDate today = LocalDate.of(2031, 9, 15);
		TestClock.set(today.atTime(12, 0).atZone(ZoneId.of("Europe/Rome")).toInstant());
		Article article = this.knowledge.save(new KnowledgeBase.Draft(null, null, "INPS", "PENSION",
				Article.Audience.OPERATORS, "it", "Quando scade la verifica reddituale annuale dei pensionati?",
				"Entro la data indicata nella lettera INPS; si presenta online o con un CAF.", null, null, null, null),
				ArticleStatus.PUBLISHED, "editor-inps");
		assertThat(this.measures.overdue(Set.of("INPS"))).extracting(KnowledgeMeasures.Overdue::articleId)
			.doesNotContain(article.id());

		this.knowledge.reviewDue(article.id(), today.minusDays(1));
		assertThat(this.measures.overdue(Set.of("INPS"))).extracting(KnowledgeMeasures.Overdue::articleId)
			.contains(article.id());
		assertThat(this.measures.overdue(Set.of("COMUNE-AQ"))).extracting(KnowledgeMeasures.Overdue::articleId)
			.doesNotContain(article.id());

		this.knowledge.feedback(article.id(), false, "OPERATOR", "Manca il termine");
		this.knowledge.feedback(article.id(), true, "CITIZEN", null);
		assertThat(this.measures.usage(Set.of("INPS"))).filteredOn((usage) -> usage.articleId().equals(article.id()))
			.singleElement()
			.satisfies((usage) -> {
				assertThat(usage.uses()).isZero();
				assertThat(usage.operatorsNotHelpful()).isOne();
				assertThat(usage.citizensHelpful()).isOne();
				assertThat(usage.citizensNotHelpful()).isZero();
			});
	}

}
