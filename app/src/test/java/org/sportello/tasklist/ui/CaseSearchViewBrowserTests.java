package org.sportello.tasklist.ui;

import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.sportello.cases.Channel;
import org.sportello.cases.OpenedCase;
import org.sportello.intake.IntakeRequest;
import org.sportello.intake.IntakeService;
import org.sportello.support.BrowserTestSupport;
import org.sportello.support.H2ApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real headless Chromium: a front-office operator finds a case that has no open task
 * any more by the citizen's name, and opens it.
 */
@H2ApplicationTest
class CaseSearchViewBrowserTests extends BrowserTestSupport {

	@Autowired
	IntakeService intake;

	@Test
	void operatorFindsAClosedCaseByNameAndOpensIt() {
		String surname = "Ciccarelli" + ThreadLocalRandom.current().nextInt(1000, 9999);
		OpenedCase opened = this.intake.open(
				new IntakeRequest(Channel.COUNTER, "CIVIL_REGISTRY_CERTIFICATE", "Certificato di residenza storico",
						"L'Aquila",
						new IntakeRequest.Citizen("Giovanna " + surname, "+393401234567", null, false, "it"), Set.of()),
				"fo1");
		this.intake.resolve(opened.trackingCode(), "Rilasciato allo sportello", "fo1");

		this.browser.login("fo-comune", "demo");
		this.browser.waitFor(By.id("current-user"));
		this.browser.open("/cases");
		this.browser.type("search-text", surname.toLowerCase());
		this.browser
			.waitUntil((driver) -> driver.findElement(By.id("case-search")).getText().contains(opened.trackingCode()));
		String rows = this.browser.driver().findElement(By.id("case-search")).getText();
		assertThat(rows).contains("Giovanna " + surname).contains("Risolta");
		this.browser.waitUntil((
				driver) -> driver.findElement(By.id("search-found")).getText().matches("\\d+ pratic(a|he) trovat[ae]"));
		this.browser.screenshot("case-search");

		// the grid may render its rows again while the search settles: find and click in
		// one wait
		this.browser.waitUntil((driver) -> driver.findElements(By.cssSelector("#case-search vaadin-grid-cell-content"))
			.stream()
			.filter((cell) -> cell.getText().strip().equals(opened.trackingCode()))
			.findFirst()
			.map((cell) -> {
				cell.click();
				return true;
			})
			.orElse(false));
		this.browser.waitUntil((driver) -> driver.getCurrentUrl().endsWith("/cases/" + opened.trackingCode()));
		assertThat(this.browser.waitFor(By.id("case-answers")).getText()).contains("Rilasciato allo sportello");
	}

}
