package org.sportello.cases.ui;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.sportello.support.BrowserTestSupport;
import org.sportello.support.H2ApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium: the administrator adds an outcome class to the shared list (a wrong code
 * is refused where it was typed), the front office picks it when it resolves a case on
 * the spot, and the case carries it; then the administrator retires it and it is no
 * longer offered.
 */
@H2ApplicationTest
class ClassificationBrowserTests extends BrowserTestSupport {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anAddedOutcomeClassIsOfferedAtClosureAndRetiredOnesAreNot() {
		this.browser.login("admin", "demo");
		this.browser.waitFor(By.id("current-user"));
		this.browser.open("/admin/classification");
		this.browser.waitUntil(
				(driver) -> driver.findElement(By.id("classes-outcomes")).getText().contains("Informazione fornita"));
		this.browser.type("classes-code", "appuntamento fissato");
		this.browser.type("classes-label-it", "Appuntamento fissato");
		this.browser.type("classes-label-en", "Appointment booked");
		this.browser.click(By.id("classes-save"));
		this.browser.waitUntil((driver) -> driver.findElement(By.id("classes-status"))
			.getText()
			.startsWith("Il codice va scritto con lettere maiuscole"));
		assertThat(this.browser.driver().findElement(By.id("classes-code")).getDomAttribute("invalid")).isNotNull();
		this.browser.clear("classes-code");
		this.browser.type("classes-code", "APPOINTMENT_BOOKED");
		this.browser.click(By.id("classes-save"));
		this.browser.waitUntil((driver) -> driver.findElement(By.id("classes-status"))
			.getText()
			.equals("Esito APPOINTMENT_BOOKED salvato."));
		assertThat(this.browser.driver().findElement(By.id("classes-outcomes")).getText())
			.contains("Appuntamento fissato");
		this.browser.chooseEnglish();
		this.browser.open("/admin/classification");
		this.browser.waitUntil((driver) -> driver.findElement(By.id("classes-topics"))
			.getText()
			.contains("Pensions and income support"));
		this.browser.screenshot("classification-en");

		this.browser.driver().manage().deleteAllCookies();
		this.browser.newCaseAsFrontOffice("Pensioni");
		this.browser.type("citizen-name", "Ada Ferri");
		this.browser.type("citizen-phone", "333 765 4321");
		this.browser.describeRequest("Chiede un appuntamento alla sede INPS per la domanda di pensione");
		this.browser.click(By.id("open-case"));
		String code = this.browser.waitFor(By.id("tracking-code")).getText();
		assertThat(this.browser.waitFor(By.id("outcome-class")).getText()).contains("Informazione fornita");
		this.browser.click(By.id("outcome-class"));
		this.browser.chooseOption("Appuntamento fissato");
		this.browser.type("triage-note", "Appuntamento fissato per lunedì alle 10");
		this.browser.click(By.id("resolve-case"));
		this.browser.waitUntil((driver) -> driver.findElement(By.id("case-status")).getText().startsWith("Risolta"));
		assertThat(this.jdbc.queryForObject("SELECT outcome_class FROM spt_case WHERE tracking_code = ?", String.class,
				code))
			.isEqualTo("APPOINTMENT_BOOKED");

		// retired: it stays on the case, and is offered no more
		this.browser.driver().manage().deleteAllCookies();
		this.browser.login("admin", "demo");
		this.browser.waitFor(By.id("current-user"));
		this.browser.open("/admin/classification");
		this.browser.click(By.xpath("//vaadin-grid-cell-content[normalize-space()='APPOINTMENT_BOOKED']"));
		this.browser.waitUntil((driver) -> "Appuntamento fissato"
			.equals(driver.findElement(By.cssSelector("#classes-label-it input")).getDomProperty("value")));
		this.browser.click(By.id("classes-active"));
		this.browser.click(By.id("classes-save"));
		this.browser.waitUntil((driver) -> driver.findElement(By.id("classes-status"))
			.getText()
			.equals("Esito APPOINTMENT_BOOKED salvato."));
		assertThat(this.browser.driver().findElement(By.id("classes-outcomes")).getText()).contains("Ritirato");
		assertThat(this.jdbc.queryForObject("SELECT active FROM spt_outcome_class WHERE code = 'APPOINTMENT_BOOKED'",
				Boolean.class))
			.isFalse();
		assertThat(this.jdbc.queryForObject("SELECT outcome_class FROM spt_case WHERE tracking_code = ?", String.class,
				code))
			.isEqualTo("APPOINTMENT_BOOKED");
	}

}
