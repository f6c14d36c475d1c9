package org.sportello.security.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.sportello.security.LoginThrottle;
import org.sportello.support.BrowserTestSupport;
import org.sportello.support.H2ApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real headless Chromium: somebody guesses an official's password from a foreign
 * address; the administrator sees it at /admin/logins, with the wait, and lifts it.
 */
@H2ApplicationTest
class SignInAttemptsViewBrowserTests extends BrowserTestSupport {

	@Autowired
	LoginThrottle throttle;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	@AfterEach
	void forget() {
		this.jdbc.update("DELETE FROM spt_login_failure");
	}

	@Test
	void administratorSeesGuessesAndLiftsTheWait() {
		for (int i = 0; i < 12; i++) {
			this.throttle.failed("bo-regione", "203.0.113.9");
		}
		this.browser.login("admin", "demo");
		this.browser.waitFor(By.id("current-user"));
		this.browser.open("/admin/logins");
		this.browser
			.waitUntil((driver) -> driver.findElement(By.id("sign-in-attempts")).getText().contains("203.0.113.9"));
		String row = this.browser.driver().findElement(By.id("sign-in-attempts")).getText();
		assertThat(row).contains("bo-regione").contains("12").doesNotContain("non attende");
		this.browser.screenshot("sign-in-attempts");

		this.browser.click(By.cssSelector("#sign-in-attempts vaadin-button"));
		this.browser
			.waitUntil((driver) -> !driver.findElement(By.id("sign-in-attempts")).getText().contains("203.0.113.9"));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_login_failure", Integer.class)).isZero();
	}

}
