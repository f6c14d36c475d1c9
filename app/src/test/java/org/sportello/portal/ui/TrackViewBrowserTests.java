package org.sportello.portal.ui;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.sportello.cases.Channel;
import org.sportello.cases.OpenedCase;
import org.sportello.intake.IntakeRequest;
import org.sportello.intake.IntakeService;
import org.sportello.support.BrowserTestSupport;
import org.sportello.support.H2ApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real headless Chromium, without logging in: a citizen mistypes the PIN, then sees
 * the status and history of a resolved request, rates it with an emoticon and a comment,
 * and switches the page to English.
 */
@H2ApplicationTest
class TrackViewBrowserTests extends BrowserTestSupport {

	@Autowired
	IntakeService intake;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void citizenTracksAResolvedRequestAndRatesIt() {
		OpenedCase opened = this.intake.open(
				new IntakeRequest(Channel.PHONE, "CIVIL_REGISTRY_CERTIFICATE",
						"Come ottengo un certificato di residenza?", "L'Aquila",
						new IntakeRequest.Citizen("Lucia Bianchi", "+393339876543", null, true, "it"), Set.of()),
				"fo1");
		this.intake.resolve(opened.trackingCode(), "Certificato scaricabile da ANPR", "fo1");

		this.browser.open("/track?code=" + opened.trackingCode());
		this.browser.type("track-pin", "000000".equals(opened.pin()) ? "111111" : "000000");
		this.browser.click(By.id("track-button"));
		this.browser.waitUntil((driver) -> driver.findElement(By.id("track-error")).getText().contains("non validi"));

		this.browser.clear("track-pin");
		this.browser.type("track-pin", opened.pin());
		this.browser.click(By.id("track-button"));
		assertThat(this.browser.waitFor(By.id("track-status")).getText()).isEqualTo("Risolta");
		String history = this.browser.driver().findElement(By.id("track-timeline")).getText();
		assertThat(history).contains("Richiesta ricevuta").contains("Risolta");
		// the answer reaches the citizen: the front office's text, by administration,
		// never
		// the official's name
		assertThat(this.browser.driver().findElement(By.id("track-answers")).getText()).contains("Risposte")
			.contains("Risposta di Linea Amica")
			.contains("Certificato scaricabile da ANPR");
		assertThat(this.browser.driver().findElement(By.id("track-result")).getText()).doesNotContain("fo1")
			.doesNotContain("Lucia");
		this.browser.type("rating-comment", "Operatrice gentilissima");
		this.browser.screenshot("track");
		this.browser.click(By.id("rate-positive"));
		assertThat(this.browser.waitFor(By.id("track-rated")).getText()).contains("soddisfatto");
		assertThat(this.jdbc.queryForObject(
				"SELECT rating || '|' || channel || '|' || comment FROM spt_rating " + "WHERE case_id = ?",
				String.class, opened.caseId()))
			.isEqualTo("POSITIVE|WEB|Operatrice gentilissima");

		assertThat(this.browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("it");
		// the tab shows Sportello's icon, served to anyone
		String icon = this.browser.driver().findElement(By.cssSelector("link[rel=icon]")).getAttribute("href");
		assertThat(icon).endsWith("/icons/favicon.svg");
		assertThat(new org.sportello.support.ApiClient(this.port).get("/icons/favicon.svg", null).status())
			.isEqualTo(200);
		this.browser.click(By.id("language-toggle"));
		this.browser.waitUntil((driver) -> driver.findElement(By.tagName("h1")).getText().equals("Track your request"));
		// the result already on screen follows: one language at a time
		this.browser.waitUntil((driver) -> driver.findElement(By.id("track-status")).getText().equals("Resolved"));
		assertThat(this.browser.driver().findElement(By.id("track-answers")).getText()).contains("Answers")
			.contains("Answer from Linea Amica")
			.contains("Certificato scaricabile da ANPR")
			.doesNotContain("Risposta");
		assertThat(this.browser.driver().findElement(By.id("track-timeline")).getText())
			.doesNotContain("Richiesta ricevuta");
		this.browser.waitUntil((driver) -> "en".equals(driver.findElement(By.tagName("html")).getAttribute("lang")));
		this.browser.screenshot("track-en");
	}

}
