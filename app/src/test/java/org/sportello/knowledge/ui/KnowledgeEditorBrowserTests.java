package org.sportello.knowledge.ui;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.sportello.knowledge.KnowledgeBase;
import org.sportello.support.BrowserTestSupport;
import org.sportello.support.H2ApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real headless Chromium: a supervisor of Linea Amica writes an article, is told
 * what to fix, sees the answer as readers will, publishes it (the front office's
 * suggestions and /faq have it at once) and withdraws it; a back-office official cannot
 * open the page.
 */
@H2ApplicationTest
class KnowledgeEditorBrowserTests extends BrowserTestSupport {

	@Autowired
	KnowledgeBase knowledge;

	@Test
	void aSupervisorWritesPublishesAndWithdrawsAnArticle() {
		this.browser.login("supervisor1", "demo");
		this.browser.waitFor(By.id("current-user"));
		this.browser.open("/kb");
		this.browser.waitUntil((driver) -> driver.findElement(By.id("kb-articles")).getText().contains("PEC"));
		assertThat(this.browser.driver().findElement(By.id("kb-articles")).getText()).doesNotContain("reversibilità");

		this.browser.click(By.id("kb-new"));
		this.browser.type("kb-answer", "Il **servizio** risponde dal lunedì al venerdì.");
		this.browser.click(By.id("kb-publish"));
		this.browser.waitUntil(
				(driver) -> driver.findElement(By.id("kb-message")).getText().contains("Controlla i campi segnati"));
		assertThat(this.browser.driver().findElement(By.id("kb-question")).getDomAttribute("invalid")).isNotNull();

		this.browser.type("kb-question", "Quando risponde il servizio zelandese di Linea Amica?");
		this.browser.waitUntil(
				(driver) -> driver.findElement(By.cssSelector("#kb-preview strong")).getText().equals("servizio"));
		this.browser.screenshot("kb-editor");
		this.browser.click(By.id("kb-publish"));
		this.browser.waitUntil((driver) -> driver.findElement(By.id("kb-message")).getText().startsWith("Pubblicato"));
		assertThat(this.knowledge.suggestions("servizio zelandese")).extracting((found) -> found.article().question())
			.first()
			.isEqualTo("Quando risponde il servizio zelandese di Linea Amica?");
		assertThat(this.browser.driver().findElement(By.id("kb-articles")).getText()).contains("zelandese");

		assertThat(this.browser.driver().findElement(By.id("kb-question")).getDomAttribute("invalid")).isNull();
		assertThat(this.browser.driver().findElement(By.id("kb-articles")).getText())
			.contains("Linea Amica - Formez PA");
		this.browser.click(By.id("kb-withdraw"));
		this.browser.waitUntil((driver) -> driver.findElement(By.id("kb-message")).getText().startsWith("Ritirato"));
		assertThat(this.knowledge.suggestions("servizio zelandese")).extracting((found) -> found.article().question())
			.doesNotContain("Quando risponde il servizio zelandese di Linea Amica?");

		// in English
		this.browser.chooseEnglish();
		this.browser.open("/kb");
		assertThat(this.browser.waitFor(By.tagName("h2")).getText()).isEqualTo("Knowledge base: articles");
		assertThat(this.browser.driver().findElement(By.id("kb-publish")).getText()).isEqualTo("Publish");
		assertThat(this.browser.driver().findElement(By.id("kb-articles")).getText()).contains("Withdrawn")
			.contains("Operators only");

		this.browser.open("/logout");
		this.browser.login("bo-inps", "demo");
		this.browser.waitFor(By.id("current-user"));
		this.browser.open("/kb");
		this.browser.waitFor(By.tagName("body"));
		assertThat(this.browser.driver().findElements(By.id("kb-articles"))).isEmpty();
	}

}
