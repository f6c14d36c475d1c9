package org.sportello.exchange.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.sportello.exchange.ExchangeKeys;
import org.sportello.exchange.Peers;
import org.sportello.open311.Open311Clients;
import org.sportello.support.BrowserTestSupport;
import org.sportello.support.H2ApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real headless Chromium, as the administrator who connects an installation: a key
 * that is not one is refused on its field and nothing is saved; the right key saves the
 * peer with the administration it serves; an Open311 app gets its key once; in English
 * the page reads in English.
 */
@H2ApplicationTest
class ExchangeViewBrowserTests extends BrowserTestSupport {

	@Autowired
	Peers peers;

	@Autowired
	ExchangeKeys keys;

	@Autowired
	Open311Clients clients;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void forgetThePeer() {
		this.jdbc.update("DELETE FROM spt_exchange_peer_admin WHERE peer_id = 'aq-regione'");
		this.jdbc.update("DELETE FROM spt_exchange_peer WHERE id = 'aq-regione'");
	}

	@Test
	void administratorConnectsAnInstallationAndACivicApp() {
		String[] peerKey = ExchangeKeys.newKeyLine("regione-k1").split(":");
		this.browser.login("admin", "demo");
		this.browser.waitFor(By.id("current-user"));
		this.browser.open("/admin/exchange");
		assertThat(this.browser.waitFor(By.id("exchange-own-key")).getAttribute("value"))
			.isEqualTo(this.keys.current().publicKeyText());

		this.browser.type("peer-id", "aq-regione");
		this.browser.type("peer-name", "Sportello Regione Abruzzo");
		this.browser.type("peer-url", "https://sportello.regione.example");
		this.browser.type("peer-key-id", "regione-k1");
		this.browser.type("peer-public-key", "not a key");
		this.browser.click(By.id("peer-save"));
		this.browser
			.waitUntil((driver) -> driver.findElement(By.id("exchange-message")).getText().contains("Non salvata"));
		assertThat(this.browser.driver().findElement(By.id("peer-public-key")).getDomProperty("invalid"))
			.isEqualTo("true");
		assertThat(this.browser.driver().findElement(By.id("peer-public-key")).getDomProperty("errorMessage"))
			.contains("Ed25519");
		assertThat(this.peers.byId("aq-regione")).isEmpty();

		this.browser.clear("peer-public-key");
		this.browser.type("peer-public-key", peerKey[2]);
		this.browser.type("peer-administrations", "Regione Abruzzo");
		this.browser.waitFor(By.cssSelector("vaadin-multi-select-combo-box-item"));
		this.browser.click(By.cssSelector("vaadin-multi-select-combo-box-item"));
		// the list stays open for more choices: close it as a keyboard user does
		this.browser.driver()
			.findElement(By.cssSelector("#peer-administrations input"))
			.sendKeys(org.openqa.selenium.Keys.ESCAPE);
		this.browser.waitUntil((driver) -> driver.findElements(By.cssSelector("vaadin-multi-select-combo-box-item"))
			.stream()
			.noneMatch(org.openqa.selenium.WebElement::isDisplayed));
		this.browser.click(By.id("peer-save"));
		this.browser.waitUntil((driver) -> driver.findElement(By.id("exchange-message")).getText().contains("salvata"));
		assertThat(this.peers.byId("aq-regione")).hasValueSatisfying((peer) -> {
			assertThat(peer.administrations()).containsExactly("REGIONE-ABRUZZO");
			assertThat(peer.keyId()).isEqualTo("regione-k1");
			assertThat(peer.enabled()).isTrue();
		});
		this.browser.waitUntil((driver) -> driver.findElement(By.id("exchange-peers")).getText().contains("Regione"));

		this.browser.type("open311-name", "Segnala AQ");
		this.browser.click(By.id("open311-create"));
		this.browser
			.waitUntil((driver) -> driver.findElement(By.id("open311-new-key")).getText().contains("Segnala AQ"));
		assertThat(this.clients.all()).anyMatch((client) -> client.name().equals("Segnala AQ"));
		this.browser.screenshot("exchange");

		this.browser.chooseEnglish();
		this.browser.waitUntil((driver) -> driver.findElement(By.tagName("h2"))
			.getText()
			.equals("Exchange between installations and Open311"));
		assertThat(this.browser.driver().findElement(By.id("peer-save")).getText()).isEqualTo("Save the installation");
	}

}
