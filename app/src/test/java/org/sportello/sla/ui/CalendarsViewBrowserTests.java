package org.sportello.sla.ui;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.sportello.support.BrowserTestSupport;
import org.sportello.support.H2ApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real headless Chromium: an administrator gives the civil protection's back office
 * its own calendar; overlapping hours and an unknown time zone are refused next to the
 * field and nothing is stored; the corrected calendar is saved.
 */
@H2ApplicationTest
class CalendarsViewBrowserTests extends BrowserTestSupport {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void administratorFixesARefusedCalendarAndSavesIt() {
		this.browser.login("admin", "demo");
		this.browser.waitFor(By.id("current-user"));
		this.browser.open("/admin/calendars?office=pc-bo");
		this.browser
			.waitUntil((driver) -> driver.findElement(By.id("calendar-inherited")).getText().contains("predefinito"));

		this.browser.clear("hours-monday");
		this.browser.type("hours-monday", "08:00-14:00, 13:00-18:00");
		this.browser.clear("hours-tuesday");
		this.browser.type("hours-tuesday", "25:00-14:00");
		this.browser.clear("calendar-zone");
		this.browser.type("calendar-zone", "Europe/Roma");
		this.browser.type("closures", "24/12/2026 Vigilia");
		this.browser.click(By.id("save-calendar"));

		// every wrong field at once, each with its message in words (no Java text)
		assertThat(this.browser.waitFor(By.cssSelector("#calendar-zone[invalid]")).getText()).contains("Europe/Roma");
		assertThat(this.browser.waitFor(By.cssSelector("#hours-tuesday[invalid]")).getText())
			.contains("Orario non valido (25:00)");
		assertThat(this.browser.waitFor(By.cssSelector("#closures[invalid]")).getText()).contains("24/12/2026");
		String summary = this.browser.driver().findElement(By.id("calendar-error")).getText();
		assertThat(summary).contains("resta in vigore quello precedente").doesNotContain("is not").doesNotContain("[");
		assertThat(ownCalendars()).isZero();
		this.browser.clear("hours-tuesday");
		this.browser.type("hours-tuesday", "09:00-13:00");
		this.browser.clear("closures");

		this.browser.clear("calendar-zone");
		this.browser.type("calendar-zone", "Europe/Rome");
		this.browser.click(By.id("save-calendar"));
		WebElement monday = this.browser.waitFor(By.cssSelector("#hours-monday[invalid]"));
		assertThat(monday.getText()).contains("Fasce orarie sovrapposte (08:00-14:00, 13:00-18:00)");
		assertThat(ownCalendars()).isZero();

		this.browser.clear("hours-monday");
		this.browser.type("hours-monday", "08:00-14:00, 15:00-18:00");
		this.browser.type("closures", "2026-12-24 Vigilia di Natale");
		this.browser.click(By.id("save-calendar"));
		this.browser
			.waitUntil((driver) -> driver.findElement(By.id("calendar-inherited")).getText().contains("versione 1"));
		assertThat(this.browser.driver().findElement(By.id("calendar-error")).getText()).isEmpty();
		assertThat(ownCalendars()).isOne();
		assertThat(this.jdbc.queryForList(
				"SELECT start_time || '-' || end_time FROM spt_calendar_hours WHERE office_group_id = 'pc-bo' "
						+ "AND day_of_week = 1 ORDER BY start_time",
				String.class))
			.containsExactly("08:00-14:00", "15:00-18:00");
		assertThat(this.jdbc.queryForObject("SELECT reason FROM spt_calendar_closure WHERE office_group_id = 'pc-bo'",
				String.class))
			.isEqualTo("Vigilia di Natale");
		this.browser.screenshot("calendars");
	}

	private int ownCalendars() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_calendar WHERE office_group_id = 'pc-bo'",
				Integer.class);
	}

}
