package org.sportello.knowledge.ui;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.sportello.support.BrowserTestSupport;
import org.sportello.support.H2ApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real headless Chromium: the front-office operator types the citizen's request,
 * picks a knowledge base suggestion and closes the case with it; the citizen reads that
 * answer on /track; a citizen finds a public article on /faq (Italian and English) and
 * never an operator-only one.
 */
@H2ApplicationTest
class KnowledgeBaseBrowserTests extends BrowserTestSupport {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theFrontOfficeClosesTheCaseWithAnArticleAndTheCitizenReadsIt() {
		this.browser.newCaseAsFrontOffice("Pensioni");
		this.browser.type("citizen-name", "Carla Di Nicola");
		this.browser.type("citizen-phone", "333 123 9876");
		this.browser.describeRequest("Il marito è morto a maggio, chiede come avere la pensione di reversibilità");
		this.browser.waitUntil((driver) -> driver.findElement(By.id("kb-suggestions"))
			.getText()
			.contains("Come si presenta la domanda di pensione di reversibilità?"));
		this.browser.click(By.cssSelector("#kb-suggestion-0 vaadin-details-summary"));
		this.browser.waitFor(By.id("kb-resolve-0"));
		assertThat(this.browser.driver().findElement(By.id("kb-suggestion-0")).getText())
			.contains("pensione ai superstiti")
			.contains("Curata da INPS");
		this.browser.screenshot("kb-suggestions");
		// another suggestion does not fit: the operator says why
		this.browser.click(By.cssSelector("#kb-suggestion-1 vaadin-details-summary"));
		this.browser.type("kb-not-helpful-reason-1", "Riguarda un altro tema");
		this.browser.click(By.id("kb-not-helpful-1"));
		this.browser
			.waitUntil((driver) -> driver.findElement(By.id("kb-not-helpful-done-1")).getText().contains("Grazie"));
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM spt_kb_feedback WHERE source = 'OPERATOR' AND reason = 'Riguarda un altro tema'",
				Integer.class))
			.isOne();
		this.browser.click(By.id("kb-resolve-0"));

		this.browser.waitUntil((driver) -> driver.findElement(By.id("case-status"))
			.getText()
			.startsWith("Risolta dal front office con la risposta"));
		String code = this.browser.driver().findElement(By.id("tracking-code")).getText();
		String pin = this.browser.driver().findElement(By.id("pin")).getText();
		this.browser.waitUntil((driver) -> driver.findElement(By.id("resolve-case")).getAttribute("disabled") != null);
		assertThat(this.browser.driver().findElement(By.id("forward-case")).getAttribute("disabled")).isNotNull();
		assertThat(this.jdbc.queryForObject(
				"SELECT a.slug FROM spt_case_article l JOIN spt_case c ON c.id = l.case_id"
						+ " JOIN spt_kb_article a ON a.id = l.article_id WHERE c.tracking_code = ?",
				String.class, code))
			.isEqualTo("pensione-reversibilita-domanda");
		// closed with the outcome class the console proposes for an answer given
		assertThat(this.jdbc.queryForObject("SELECT outcome_class FROM spt_case WHERE tracking_code = ?", String.class,
				code))
			.isEqualTo("INFORMATION_GIVEN");

		this.browser.open("/logout");
		this.browser.open("/track?code=" + code);
		this.browser.type("track-pin", pin);
		this.browser.click(By.id("track-button"));
		this.browser.waitFor(By.id("track-status"));
		assertThat(this.browser.driver().findElement(By.id("track-status")).getText()).isEqualTo("Risolta");
		assertThat(this.browser.driver().findElement(By.id("track-answers")).getText())
			.contains("pensione ai superstiti (reversibilità)")
			.doesNotContain("**");

		// the console in English: the knowledge base's texts too (the articles keep their
		// language)
		this.browser.login("fo1", "demo");
		this.browser.waitFor(By.id("current-user"));
		this.browser.chooseEnglish();
		this.browser.open("/fo/new");
		this.browser.describeRequest("unemployment benefit after losing my job");
		this.browser.waitUntil((driver) -> driver.findElement(By.id("kb-suggestions"))
			.getText()
			.startsWith("Answers from the knowledge base"));
		this.browser.click(By.cssSelector("#kb-suggestion-0 vaadin-details-summary"));
		assertThat(this.browser.waitFor(By.id("kb-resolve-0")).getText()).isEqualTo("Resolve with this answer");
		assertThat(this.browser.driver().findElement(By.id("kb-suggestion-0")).getText())
			.contains("I lost my job: how do I apply for unemployment benefit?")
			.contains("Kept by INPS")
			.contains("Not helpful");
		this.browser.screenshot("kb-suggestions-en");
	}

	@Test
	void aCitizenFindsPublicAnswersOnTheFaqAndNeverOperatorOnlyOnes() {
		this.browser.open("/faq");
		assertThat(this.browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Domande frequenti");
		assertThat(this.browser.driver().findElement(By.id("faq-result")).getText())
			.contains("Contributi per la ricostruzione")
			.doesNotContain("Un cittadino ha pagato l'IMU");
		this.browser.type("faq-query", "certificato di residenza");
		this.browser.click(By.id("faq-search"));
		this.browser.waitUntil((driver) -> driver.findElements(By.id("faq-hits")).size() == 1);
		// the results alone, not under the list of every topic
		assertThat(this.browser.driver().findElement(By.id("faq-result")).getText())
			.doesNotContain("Prenotazioni sanitarie");
		this.browser.screenshot("faq-search");
		this.browser.click(By.linkText("Come ottengo un certificato di residenza?"));
		this.browser.waitUntil((driver) -> driver.getCurrentUrl().endsWith("/faq/certificato-residenza-online"));
		assertThat(this.browser.waitFor(By.id("faq-answer")).getText()).contains("autocertificazione");
		assertThat(this.browser.driver().findElement(By.id("faq-owner")).getText()).contains("Comune dell'Aquila");
		assertThat((String) ((org.openqa.selenium.JavascriptExecutor) this.browser.driver())
			.executeScript("return document.querySelector('script[type=\"application/ld+json\"]').textContent"))
			.contains("\"@type\":\"FAQPage\"")
			.contains("Come ottengo un certificato di residenza?");
		this.browser.click(By.id("faq-helpful-yes"));
		this.browser.waitUntil((driver) -> driver.findElement(By.id("faq-thanks")).getText().contains("Grazie"));
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM spt_kb_feedback f JOIN spt_kb_article a "
						+ "ON a.id = f.article_id WHERE a.slug = 'certificato-residenza-online' AND f.helpful = TRUE",
				Integer.class))
			.isPositive();

		// operator-only answers are not found and not reachable by address
		this.browser.open("/faq?q=rimborso%20IMU%20non%20dovuta");
		this.browser.waitFor(By.id("faq-result"));
		assertThat(this.browser.driver().findElement(By.id("faq-result")).getText())
			.doesNotContain("Un cittadino ha pagato l'IMU");
		this.browser.open("/faq/rimborso-imu-versata");
		assertThat(this.browser.waitFor(By.id("faq-not-found")).getText()).contains("non esiste");

		// in English, one language at a time
		this.browser.open("/faq");
		this.browser.click(By.id("language-toggle"));
		this.browser.waitUntil((driver) -> "en".equals(driver.findElement(By.tagName("html")).getAttribute("lang")));
		assertThat(this.browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Frequently asked questions");
		this.browser.type("faq-query", "I lost my job");
		this.browser.click(By.id("faq-search"));
		this.browser.waitUntil((driver) -> driver.findElements(By.id("faq-hits")).size() == 1);
		assertThat(this.browser.driver().findElement(By.id("faq-hits")).getText())
			.startsWith("I lost my job: how do I apply for unemployment benefit?");
		assertThat(this.browser.driver().findElement(By.id("faq-result")).getText())
			.doesNotContain("Health service bookings");
		assertThat(this.browser.driver().findElement(By.id("faq-contact")).getText()).contains("Linea Amica");
		this.browser.screenshot("faq-en");
	}

}
