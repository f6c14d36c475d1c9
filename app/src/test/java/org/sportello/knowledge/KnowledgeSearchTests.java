package org.sportello.knowledge;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sportello.support.H2ApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Search that works for Italian, over the demo knowledge base: inflected and elided forms
 * meet, a typo still finds the article, an English query finds the English article, and
 * operator-only articles never reach citizens.
 */
@H2ApplicationTest
class KnowledgeSearchTests {

	@Autowired
	KnowledgeBase knowledge;

	@Test
	void inflectedAndElidedItalianFormsMeet() {
		// the article says "contributo per la ricostruzione dell'abitazione principale"
		assertThat(slugs(this.knowledge.suggestions("contributi per la ricostruzione"), 3))
			.contains("contributo-ricostruzione-abitazione-principale");
		assertThat(slugs(this.knowledge.suggestions("abitazioni danneggiate dal terremoto, ricostruzione"), 3))
			.contains("contributo-ricostruzione-abitazione-principale");
		assertThat(
				slugs(this.knowledge.suggestions("Vorrei sapere della pensione di mio marito morto, reversibilità"), 1))
			.containsExactly("pensione-reversibilita-domanda");
		assertThat(slugs(this.knowledge.suggestions("l'allacciamento del gas alla casa"), 1))
			.containsExactly("allaccio-gas-nuova-casa");
	}

	@Test
	void aTypoStillFindsTheArticle() {
		assertThat(slugs(this.knowledge.suggestions("ricostruzone abitazone"), 3))
			.contains("contributo-ricostruzione-abitazione-principale");
		assertThat(slugs(this.knowledge.suggestions("certifcato di residenza"), 1))
			.containsExactly("certificato-residenza-online");
	}

	@Test
	void englishQueriesFindEnglishArticlesAndSnippetsMarkTheWords() {
		List<KnowledgeBase.Found> found = this.knowledge.suggestions("I lost my job, unemployment benefit");
		assertThat(slugs(found, 1)).containsExactly("unemployment-benefit-english");
		assertThat(found.get(0).snippet()).contains("<mark>");
		assertThat(slugs(this.knowledge.publicSearch("temporary housing", null, 3, "en"), 1))
			.containsExactly("temporary-housing-who-is-entitled");
	}

	@Test
	void operatorOnlyArticlesNeverReachCitizens() {
		assertThat(slugs(this.knowledge.suggestions("rimborso IMU pagata non dovuta"), 3))
			.contains("rimborso-imu-versata");
		assertThat(slugs(this.knowledge.publicSearch("rimborso IMU pagata non dovuta", null, 20, "it"), 20))
			.doesNotContain("rimborso-imu-versata");
		assertThat(this.knowledge.publicArticle("rimborso-imu-versata")).isEmpty();
		assertThat(this.knowledge.publicArticles(null)).allMatch(Article::isPublic)
			.extracting(Article::slug)
			.contains("pec-come-attivare")
			.doesNotContain("operatori-richiesta-non-competenza");
		assertThat(this.knowledge.suggestions("")).isEmpty();
		assertThat(this.knowledge.suggestions("il la di")).isEmpty();
	}

	@Test
	void everyVersionIsKeptAndOnlyPublishedArticlesAreSearched() {
		Article draft = this.knowledge.save(
				new KnowledgeBase.Draft(null, null, "INPS", "PENSION", Article.Audience.PUBLIC, "it",
						"Quando arriva il conguaglio zorbatico della pensione?",
						"Il conguaglio zorbatico arriva con la rata di **marzo**.", "conguaglio", null, null, null),
				ArticleStatus.DRAFT, "editor-inps");
		assertThat(slugs(this.knowledge.suggestions("conguaglio zorbatico"), 5)).doesNotContain(draft.slug());
		this.knowledge.move(draft.id(), ArticleStatus.PUBLISHED, "reviewer-inps");
		assertThat(slugs(this.knowledge.suggestions("conguaglio zorbatico"), 1)).containsExactly(draft.slug());
		this.knowledge.move(draft.id(), ArticleStatus.WITHDRAWN, "reviewer-inps");
		assertThat(slugs(this.knowledge.suggestions("conguaglio zorbatico"), 5)).doesNotContain(draft.slug());
		assertThat(this.knowledge.versions(draft.id())).isEqualTo(3);
		assertThat(this.knowledge.byId(draft.id()).orElseThrow().updatedBy()).isEqualTo("reviewer-inps");
		assertThat(draft.slug()).startsWith("quando-arriva-il-conguaglio-zorbatico-della-pensione-");

		assertThatThrownBy(() -> this.knowledge.save(new KnowledgeBase.Draft(null, null, "INPS", null,
				Article.Audience.PUBLIC, "it", "  ", "Risposta", null, null, null, null), ArticleStatus.DRAFT, "x"))
			.isInstanceOf(ArticleRefusedException.class)
			.extracting("field")
			.isEqualTo("question");
	}

	@Test
	void aProposedAnswerKeepsNoneOfTheCitizensData() {
		Article draft = this.knowledge.propose("INPS", "PENSION", "Pensioni",
				"Gentile Maria Grazia D'Àngelo, la pratica SPT-ABCD-EF23 è chiusa: la pensione è pagata il primo "
						+ "del mese. Per dubbi scriva a maria.dangelo@example.org o chiami il 333 123 4567.",
				List.of("Maria", "Grazia", "D'Àngelo"), "bo-inps");
		assertThat(draft.status()).isEqualTo(ArticleStatus.IN_REVIEW);
		assertThat(draft.audience()).isEqualTo(Article.Audience.OPERATORS);
		assertThat(draft.answer()).contains("la pensione è pagata il primo del mese")
			.doesNotContain("Maria")
			.doesNotContain("Grazia")
			.doesNotContain("Àngelo")
			.doesNotContain("SPT-")
			.doesNotContain("@")
			.doesNotContain("4567");
		assertThat(this.knowledge.suggestions("pensione pagata primo del mese")).extracting((f) -> f.article().id())
			.doesNotContain(draft.id());
	}

	@Test
	void answersAreRenderedSafely() {
		String html = ArticleText.html("**Attenzione** <script>alert(1)</script> [link](javascript:alert(1)) "
				+ "<img src=x onerror=alert(1)>\n\n- uno\n- due");
		assertThat(html).contains("<strong>Attenzione</strong>")
			.contains("<li>uno</li>")
			// markup typed by an editor is shown as text, never run
			.contains("&lt;script&gt;")
			.doesNotContain("<script")
			.doesNotContain("<img")
			.doesNotContain("javascript:");
		assertThat(ArticleText.plain("**Attenzione**: la domanda si fa *online*."))
			.isEqualTo("Attenzione: la domanda si fa online.");
	}

	private static List<String> slugs(List<KnowledgeBase.Found> found, int first) {
		return found.stream().limit(first).map((one) -> one.article().slug()).toList();
	}

}
