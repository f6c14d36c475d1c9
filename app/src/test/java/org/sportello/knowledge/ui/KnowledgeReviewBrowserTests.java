package org.sportello.knowledge.ui;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.sportello.knowledge.Article;
import org.sportello.knowledge.ArticleStatus;
import org.sportello.knowledge.KnowledgeBase;
import org.sportello.support.BrowserTestSupport;
import org.sportello.support.H2ApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real headless Chromium, the review of an article as its users do it: INPS's editor
 * writes an article and sends it for review; INPS's reviewer finds it in the inbox, reads
 * it in the Camunda Form (in English too), corrects the question and publishes it; the
 * front office's suggestions then have it, and the editor reads the reviewer's note and
 * the next review date.
 */
@H2ApplicationTest
class KnowledgeReviewBrowserTests extends BrowserTestSupport {

	private static final String QUESTION = "Come si richiede il duplicato del CUD pensione gialloverde?";

	@Autowired
	KnowledgeBase knowledge;

	@Test
	void anEditorSendsAnArticleForReviewAndAReviewerPublishesIt() {
		this.browser.login("redazione-inps", "demo");
		this.browser.waitFor(By.id("current-user"));
		this.browser.open("/kb");
		this.browser.waitFor(By.id("kb-articles"));
		assertThat(this.browser.driver().findElements(By.id("kb-publish"))).as("editors do not publish").isEmpty();
		this.browser.click(By.id("kb-new"));
		this.browser.type("kb-question", QUESTION);
		this.browser.type("kb-answer", "Si scarica dal sito INPS con **SPID**, o si chiede in una sede INPS.");
		this.browser.click(By.id("kb-send-for-review"));
		this.browser.waitUntil(
				(driver) -> driver.findElement(By.id("kb-message")).getText().startsWith("Inviato in revisione"));
		Article sent = this.knowledge.articlesOf(java.util.Set.of("INPS"))
			.stream()
			.filter((article) -> article.question().equals(QUESTION))
			.findFirst()
			.orElseThrow();
		assertThat(sent.status()).isEqualTo(ArticleStatus.IN_REVIEW);
		assertThat(this.knowledge.suggestions("duplicato CUD gialloverde")).extracting((found) -> found.article().id())
			.doesNotContain(sent.id());

		this.browser.open("/logout");
		this.browser.login("revisione-inps", "demo");
		this.browser.waitFor(By.id("current-user"));
		this.browser.open("/tasks");
		this.browser.click(By.id("tab-offices"));
		this.browser.waitUntil((driver) -> driver.findElement(By.id("inbox")).getText().contains("FAQ: Come si"));
		this.browser.click(By.partialLinkText("FAQ: Come si"));
		WebElement form = this.browser.waitFor(By.cssSelector("#task-form .fjs-form"));
		this.browser.waitUntil((driver) -> QUESTION
			.equals(driver.findElement(By.cssSelector("#task-form .fjs-form-field-textfield input"))
				.getDomProperty("value")));
		assertThat(form.getText()).contains("Esito della revisione").contains("Nota per la redazione");

		// the same task in English: the form's texts from forms/texts.en.json
		this.browser.chooseEnglish();
		this.browser.waitUntil((driver) -> driver.findElement(By.cssSelector("#task-form .fjs-form"))
			.getText()
			.contains("Outcome of the review"));
		form = this.browser.driver().findElement(By.cssSelector("#task-form .fjs-form"));
		assertThat(form.getText()).contains("Send back to the editors").doesNotContain("Esito della revisione");

		this.browser.typeInTaskForm("input[id$='articleQuestion']", " (Certificazione Unica)");
		form.findElement(
				By.xpath(".//div[contains(@class,'fjs-form-field-radio')]//label[normalize-space()='Publish']"))
			.click();
		this.browser.typeInTaskForm("textarea[id$='reviewNote']", "Nome ufficiale aggiunto");
		this.browser.screenshot("kb-review-task-en");
		this.browser.click(By.id("complete-task"));
		this.browser.waitUntil((driver) -> driver.getCurrentUrl().endsWith("/tasks"));

		Article published = this.knowledge.byId(sent.id()).orElseThrow();
		assertThat(published.status()).isEqualTo(ArticleStatus.PUBLISHED);
		assertThat(published.question()).endsWith("(Certificazione Unica)");
		assertThat(published.updatedBy()).isEqualTo("revisione-inps");
		assertThat(this.knowledge.suggestions("duplicato CUD gialloverde")).extracting((found) -> found.article().id())
			.contains(sent.id());

		this.browser.open("/kb");
		this.browser.waitUntil((driver) -> driver.findElement(By.id("kb-articles")).getText().contains("gialloverde"));
		this.browser.click(By.xpath("//vaadin-grid-cell-content[contains(., 'gialloverde')]"));
		this.browser.waitUntil((driver) -> driver.findElement(By.id("kb-review-note"))
			.getText()
			.contains("Reviewers' note: Nome ufficiale aggiunto"));
		assertThat(this.browser.driver().findElement(By.id("kb-review-note")).getText()).contains("Next review:");
	}

}
