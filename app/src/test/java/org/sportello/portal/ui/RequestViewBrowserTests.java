package org.sportello.portal.ui;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.sportello.support.BrowserTestSupport;
import org.sportello.support.H2ApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real headless Chromium, without logging in: a citizen sends the web form empty
 * (refused, nothing stored), then fills it as designed in Camunda Modeler, attaches a
 * PDF, is offered the FAQ answers that match, sends anyway, and reads code and PIN; the
 * front office finds the case in its queue. A robot that fills the hidden field is
 * thanked and nothing is stored. The page switches to English.
 */
@H2ApplicationTest
class RequestViewBrowserTests extends BrowserTestSupport {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
		.getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aCitizenSendsTheWebFormAndTheFrontOfficeFindsTheCase() {
		int before = caseCount();
		this.browser.open("/richiesta");
		WebElement form = this.browser.waitFor(By.cssSelector("#request-form .fjs-form"));
		assertThat(this.browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("it");
		this.browser.click(By.id("request-send"));
		this.browser.waitUntil((driver) -> driver.findElement(By.id("request-error")).getText().contains("Controlli"));
		assertThat(form.getText()).contains("Campo obbligatorio.");
		assertThat(caseCount()).isEqualTo(before);

		this.browser.chooseInForm(form, "Contributi per la ricostruzione");
		field("textarea").sendKeys("Quando arriva il contributo per la ricostruzione della mia casa?");
		field("input[id$='Field_0c7q2yx']").sendKeys("Rita Centofanti");
		field("input[id$='Field_1mz0h6s']").sendKeys("rita.centofanti@example.org");
		field("input[id$='Field_0u3pt7m']").click();
		this.browser.upload("request-upload", "perizia.pdf", PDF);
		this.browser
			.waitUntil((driver) -> driver.findElement(By.id("request-accepted")).getText().contains("perizia.pdf"));
		this.browser.screenshot("web-form");
		this.browser.click(By.id("request-send"));
		// the public FAQ may answer it: offered once, then the second press sends
		this.browser.waitUntil((driver) -> driver.findElement(By.id("request-suggestions"))
			.getText()
			.contains("Forse la risposta c'è già") || !driver.findElements(By.id("request-code")).isEmpty());
		if (this.browser.driver().findElements(By.id("request-code")).isEmpty()) {
			assertThat(caseCount()).isEqualTo(before);
			this.browser.click(By.id("request-send"));
		}
		String code = this.browser.waitFor(By.id("request-code")).getText();
		String pin = this.browser.driver().findElement(By.id("request-pin")).getText();
		assertThat(code).matches("SPT-[0-9A-Z]{4}-[0-9A-Z]{4}");
		assertThat(pin).matches("[0-9]{6}");
		this.browser.screenshot("web-form-sent");
		String caseId = this.jdbc.queryForObject("SELECT id FROM spt_case WHERE tracking_code = ?", String.class, code);
		assertThat(this.jdbc.queryForObject("SELECT channel || ' ' || topic_code FROM spt_case WHERE id = ?",
				String.class, caseId))
			.isEqualTo("WEB_FORM RECONSTRUCTION_GRANT");
		assertThat(
				this.jdbc.queryForList("SELECT file_name FROM spt_attachment WHERE case_id = ?", String.class, caseId))
			.containsExactly("perizia.pdf");

		this.browser.login("fo1", "demo");
		this.browser.open("/cases/" + code);
		this.browser.waitUntil((driver) -> driver.findElement(By.tagName("body"))
			.getText()
			.contains("Quando arriva il contributo per la ricostruzione della mia casa?"));
		assertThat(this.browser.driver().findElement(By.tagName("body")).getText()).contains("Rita Centofanti")
			.contains("Valutazione front office");
	}

	@Test
	void aRobotThatFillsTheHiddenFieldIsThankedAndNothingIsStored() {
		int before = caseCount();
		this.browser.open("/richiesta");
		WebElement form = this.browser.waitFor(By.cssSelector("#request-form .fjs-form"));
		this.browser.chooseInForm(form, "Pensioni");
		field("textarea").sendKeys("Offerta imperdibile, visitate il nostro sito");
		field("input[id$='Field_0c7q2yx']").sendKeys("Robot");
		field("input[id$='Field_0u3pt7m']").click();
		// what a robot does: fills every input it finds, the hidden one too
		WebElement trap = this.browser.driver().findElement(By.cssSelector("#request-website input"));
		((JavascriptExecutor) this.browser.driver()).executeScript("arguments[0].value = 'https://spam.example';"
				+ " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
				+ " arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", trap);
		this.browser.click(By.id("request-send"));
		this.browser.waitUntil((driver) -> driver.findElement(By.tagName("h1")).getText().equals("Richiesta inviata"));
		assertThat(this.browser.driver().findElements(By.id("request-code"))).isEmpty();
		assertThat(caseCount()).isEqualTo(before);

		// or be called back: a wrong number is named, a right one is a request for the
		// front
		// office
		this.browser.open("/richiesta");
		this.browser.type("callback-phone", "chiamatemi");
		this.browser.click(By.id("callback-ask"));
		this.browser.waitUntil((driver) -> driver.findElement(By.id("callback-phone")).getAttribute("invalid") != null);
		this.browser.clear("callback-phone");
		this.browser.type("callback-phone", "0862 411 987");
		this.browser.click(By.id("callback-ask"));
		this.browser.waitUntil((driver) -> driver.findElement(By.id("callback-outcome"))
			.getText()
			.startsWith("Fatto: la richiameremo"));
		assertThat(this.jdbc.queryForObject(
				"SELECT channel || ' ' || slot || ' ' || status FROM spt_callback " + "WHERE phone = '+390862411987'",
				String.class))
			.isEqualTo("WEB_FORM ANY WAITING");

		this.browser.open("/richiesta");
		this.browser.click(By.id("language-toggle"));
		this.browser.waitUntil((driver) -> driver.findElement(By.tagName("h1")).getText().equals("Send a request"));
		assertThat(this.browser.waitFor(By.cssSelector("#request-form .fjs-form")).getText()).contains("Your request")
			.contains("Privacy notice");
		assertThat(this.browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
		this.browser.screenshot("web-form-en");
	}

	private WebElement field(String selector) {
		return this.browser.waitFor(By.cssSelector("#request-form " + selector));
	}

	private int caseCount() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_case", Integer.class);
	}

}
