package org.sportello.privacy.ui;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.sportello.cases.Cases;
import org.sportello.cases.Channel;
import org.sportello.cases.OpenedCase;
import org.sportello.cases.Rating;
import org.sportello.cases.Ratings;
import org.sportello.intake.IntakeRequest;
import org.sportello.intake.IntakeService;
import org.sportello.support.BrowserTestSupport;
import org.sportello.support.H2ApplicationTest;
import org.sportello.support.TestClock;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium: a supervisor opens a rated case and reads the citizen's comment and who
 * opened the case; the administrator exports everything held about the citizen from
 * /privacy (a contact without cases is told so), and the export shows in the case's
 * access log.
 */
@H2ApplicationTest
class PrivacyBrowserTests extends BrowserTestSupport {

	private static final ZoneId ROME = ZoneId.of("Europe/Rome");

	/** A name with markup and quotes (shown as text, never as HTML). */
	private static final String NAME = "Zoë 'Ettore' <b>Bianchi</b>";

	private static final String COMMENT = "Gentilissimi <script>alert(1)</script> 👍";

	@Autowired
	IntakeService intake;

	@Autowired
	Ratings ratings;

	@Autowired
	Cases cases;

	@AfterEach
	void realTimeAgain() {
		TestClock.reset();
	}

	@Test
	void theSupervisorSeesTheCommentAndTheReadsAndTheAdministratorExportsTheCitizensData() {
		TestClock.set(LocalDate.of(2033, 4, 5).atTime(10, 0).atZone(ROME).toInstant());
		OpenedCase opened = this.intake
			.open(new IntakeRequest(Channel.PHONE, "PENSION", "Chiede quando arriva la pensione", "L'Aquila",
					new IntakeRequest.Citizen(NAME, "+393339998877", "zoe.bianchi@example.it", true, "it"), Set.of()),
					"fo1");
		this.intake.resolve(opened.trackingCode(), "Risposto al telefono", "fo1");
		this.ratings.rate(this.cases.byId(opened.caseId()).orElseThrow(), Rating.Value.POSITIVE, COMMENT,
				Rating.Source.WEB);

		this.browser.login("supervisor1", "demo");
		this.browser.waitFor(By.id("current-user"));
		this.browser.open("/cases/" + opened.trackingCode());
		assertThat(this.browser.waitFor(By.id("case-rating")).getText())
			.isEqualTo("Giudizio del cittadino: Soddisfatto. Commento: «" + COMMENT + "»");
		this.browser
			.waitUntil((driver) -> driver.findElement(By.id("case-accesses")).getText().contains("supervisor1"));
		assertThat(this.browser.driver().findElement(By.id("case-accesses-heading")).getText())
			.isEqualTo("Accessi alla pratica (1)");
		assertThat(this.browser.driver().findElement(By.id("case-accesses")).getText())
			.contains("Pagina della pratica");

		this.browser.driver().manage().deleteAllCookies();
		this.browser.login("admin", "demo");
		this.browser.waitFor(By.id("current-user"));
		this.browser.open("/privacy");
		this.browser.type("privacy-contact", "nessuno@example.it" + Keys.ENTER);
		this.browser.waitUntil((driver) -> driver.findElement(By.id("privacy-status"))
			.getText()
			.equals("Nessuna pratica ha questo telefono o email."));
		assertThat(this.browser.driver().findElement(By.id("privacy-contact")).getDomAttribute("invalid")).isNotNull();

		this.browser.clear("privacy-contact");
		this.browser.type("privacy-contact", "333 999 8877");
		this.browser.click(By.id("privacy-prepare"));
		this.browser.waitUntil((driver) -> driver.findElement(By.id("privacy-status"))
			.getText()
			.equals("Trovata una pratica: il file è pronto."));
		this.browser.screenshot("privacy-it");
		String json = new String(this.browser
			.downloadFile(this.browser.waitFor(By.id("privacy-download")).getDomAttribute("href"), ".json"),
				StandardCharsets.UTF_8);
		assertThat(json).contains(opened.trackingCode())
			.contains("\"name\" : \"Zoë 'Ettore' <b>Bianchi</b>\"")
			.contains("Gentilissimi <script>alert(1)</script>")
			.contains("\"via\" : \"UI\"")
			.contains("\"via\" : \"EXPORT\"")
			.doesNotContain("pinHash");

		this.browser.open("/cases/" + opened.trackingCode());
		this.browser.waitUntil((driver) -> driver.findElement(By.id("case-accesses"))
			.getText()
			.contains("Esportazione dei dati del cittadino"));
		((org.openqa.selenium.JavascriptExecutor) this.browser.driver()).executeScript(
				"arguments[0].scrollIntoView({block: 'center'})",
				this.browser.driver().findElement(By.id("case-accesses")));
		this.browser.screenshot("case-accesses-it");

		this.browser.chooseEnglish();
		this.browser.open("/privacy");
		this.browser.waitUntil((driver) -> driver.findElement(By.tagName("h2")).getText().equals("Personal data"));
		this.browser.type("privacy-contact", "zoe.bianchi@example.it" + Keys.ENTER);
		this.browser.waitUntil((driver) -> driver.findElement(By.id("privacy-status"))
			.getText()
			.equals("One case found: the file is ready."));
		this.browser.screenshot("privacy-en");
	}

}
