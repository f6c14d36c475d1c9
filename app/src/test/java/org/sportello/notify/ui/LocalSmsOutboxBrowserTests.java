package org.sportello.notify.ui;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.sportello.cases.Channel;
import org.sportello.cases.OpenedCase;
import org.sportello.intake.IntakeRequest;
import org.sportello.intake.IntakeService;
import org.sportello.notify.SmsDispatcher;
import org.sportello.support.BrowserTestSupport;
import org.sportello.support.FakeTwilio;
import org.sportello.support.TestClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as started by the README's first command, without Twilio credentials
 * (own JVM, its own H2): status SMS are not sent but kept in the outbox, and
 * {@code /admin/sms} shows exactly what would have been sent. An administrator edits a
 * status text: a bad placeholder is refused with a visible message, a good text is saved.
 */
@Tag("own-jvm")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:sportello-local-sms;DB_CLOSE_DELAY=-1",
				"sportello.sms.scheduled=false", "sportello.twilio.account-sid=", "sportello.twilio.auth-token=" })
@ActiveProfiles("demo")
class LocalSmsOutboxBrowserTests extends BrowserTestSupport {

	static final Instant TUESDAY_MORNING = ZonedDateTime.parse("2026-11-24T10:00:00+01:00[Europe/Rome]").toInstant();

	@Autowired
	IntakeService intake;

	@Autowired
	SmsDispatcher dispatcher;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void withoutTwilioMessagesStayInTheLocalOutboxAndAdministratorsEditTheTexts() {
		int before = FakeTwilio.shared().accepted().size();
		// opened and dispatched outside the quiet hours, whenever the suite runs (at
		// night
		// the message would wait for the morning)
		TestClock.set(TUESDAY_MORNING);
		OpenedCase opened;
		try {
			opened = this.intake.open(
					new IntakeRequest(Channel.PHONE, "PENSION", "Informazioni sulla pensione", null,
							new IntakeRequest.Citizen("Paola Neri", "+393331112223", null, true, "it"), Set.of()),
					"fo1");
			while (this.dispatcher.dispatchOnce() > 0) {
				// drain
			}
		}
		finally {
			TestClock.reset();
		}
		assertThat(this.jdbc.queryForObject("SELECT status FROM spt_sms_message WHERE case_id = ?", String.class,
				opened.caseId()))
			.isEqualTo("LOCAL");
		assertThat(FakeTwilio.shared().accepted()).hasSize(before);

		this.browser.login("admin", "demo");
		this.browser.waitFor(By.id("current-user"));
		this.browser.open("/admin/sms");
		this.browser.waitUntil((driver) -> driver.findElement(By.id("sms-outbox"))
			.getText()
			.contains("Sportello: richiesta ricevuta, codice " + opened.trackingCode()));
		assertThat(this.browser.driver().findElement(By.id("sms-outbox")).getText()).contains("Locale (non inviato)");
		this.browser.screenshot("sms-outbox");

		this.browser.click(By.id("sms-template"));
		this.browser.waitUntil((driver) -> driver.findElements(By.cssSelector("vaadin-select-item"))
			.stream()
			.anyMatch((item) -> item.getText().equals("Risolta (it)")));
		this.browser.driver()
			.findElements(By.cssSelector("vaadin-select-item"))
			.stream()
			.filter((item) -> item.getText().equals("Risolta (it)"))
			.findFirst()
			.orElseThrow()
			.click();
		this.browser.waitUntil((driver) -> !driver.findElement(By.cssSelector("#sms-template-body textarea"))
			.getAttribute("value")
			.isEmpty());
		this.browser.clear("sms-template-body");
		this.browser.type("sms-template-body", "Richiesta {codice} risolta");
		this.browser.click(By.id("sms-template-save"));
		WebElement invalid = this.browser.waitFor(By.cssSelector("#sms-template-body[invalid]"));
		assertThat(invalid.getText()).contains("{codice}");
		assertThat(this.browser.driver().findElement(By.id("sms-template-error")).getText())
			.contains("resta in uso quello precedente");
		assertThat(template()).contains("ha una risposta");

		this.browser.clear("sms-template-body");
		this.browser.type("sms-template-body", "Sportello: la richiesta {code} e' risolta. Dettagli: {link}");
		this.browser.click(By.id("sms-template-save"));
		this.browser.waitUntil((driver) -> template().startsWith("Sportello: la richiesta {code} e' risolta"));
		// the row is saved before the page has the server's answer: wait for the page too
		this.browser.waitUntil((driver) -> driver.findElement(By.id("sms-template-error")).getText().isEmpty());
	}

	private String template() {
		return this.jdbc.queryForObject(
				"SELECT body FROM spt_sms_template WHERE status = 'RISOLTA' AND language = 'it'", String.class);
	}

}
