package org.sportello.notify.ui;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.sportello.cases.Channel;
import org.sportello.cases.OpenedCase;
import org.sportello.intake.IntakeRequest;
import org.sportello.intake.IntakeService;
import org.sportello.support.BrowserTestSupport;
import org.sportello.support.H2ApplicationTest;
import org.sportello.support.TestClock;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real headless Chromium: a case's SLA is breached (timers run by the test at a
 * later engine time); the network's supervisor finds the escalation among their
 * notifications, in Italian and in English.
 */
@H2ApplicationTest
class NotificationsViewBrowserTests extends BrowserTestSupport {

	@Autowired
	IntakeService intake;

	@Autowired
	org.sportello.sla.SlaSweep sweep;

	@Test
	void supervisorSeesTheEscalationOfABreachedCase() {
		OpenedCase opened;
		try {
			TestClock.set(Instant.parse("2026-11-23T08:00:00Z"));
			opened = this.intake.open(new IntakeRequest(Channel.EMAIL, "VOLUNTEERING",
					"Vorrei iscrivermi come volontario di protezione civile", "Sulmona",
					new IntakeRequest.Citizen("Giorgio Verdi", null, "giorgio@example.org", false, "it"), Set.of()),
					"fo1");
			this.intake.forward(opened.trackingCode(), "Al back office", "fo1");
			// a month later every SLA step of the case is due, and the sweep takes them
			TestClock.set(Instant.parse("2026-12-23T08:00:00Z"));
			this.sweep.runDueOf(opened.caseId());
		}
		finally {
			TestClock.reset();
		}

		this.browser.login("supervisor1", "demo");
		this.browser.waitFor(By.id("current-user"));
		this.browser.open("/notifications");
		this.browser.waitUntil(
				(driver) -> driver.findElement(By.id("notifications")).getText().contains(opened.trackingCode()));
		String grid = this.browser.driver().findElement(By.id("notifications")).getText();
		assertThat(grid).contains("Escalation").contains("supervisor");
		assertThat(grid).doesNotContain("Giorgio Verdi");
		// what happened, in the reader's language; the hub by its name
		assertThat(grid).contains("SLA superato: escalation di primo livello ai responsabili (supervisor)")
			.contains("SLA superato: escalation di secondo livello a Coordinamento Linea Amica");

		this.browser.chooseEnglish();
		this.browser.open("/notifications");
		this.browser
			.waitUntil((driver) -> driver.findElement(By.id("notifications")).getText().contains("SLA breached"));
		String english = this.browser.driver().findElement(By.id("notifications")).getText();
		assertThat(english).contains("SLA breached: first-level escalation to the supervisors (supervisor)")
			.contains("SLA breached: second-level escalation to Coordinamento Linea Amica")
			.doesNotContain("superato")
			.doesNotContain("Preavviso");
		this.browser.screenshot("notifications-en");
	}

}
