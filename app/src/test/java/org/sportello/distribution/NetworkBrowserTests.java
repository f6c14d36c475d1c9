package org.sportello.distribution;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.sportello.cases.Channel;
import org.sportello.directory.Directory;
import org.sportello.intake.IntakeRequest;
import org.sportello.intake.IntakeService;
import org.sportello.sla.Calendars;
import org.sportello.support.Browser;
import org.sportello.support.BrowserTestSupport;
import org.sportello.support.H2ApplicationTest;
import org.sportello.support.TestClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium: the regional operator comes on duty with the switch above the inbox (and
 * reads until when); the administrator selects two of three tasks waiting at the regional
 * counter on the workload board and moves them to the contact center; the board follows
 * in English. Tuesday 7 March 2034, 10:00.
 */
@H2ApplicationTest
class NetworkBrowserTests extends BrowserTestSupport {

	@Autowired
	Distribution distribution;

	@Autowired
	Availability availability;

	@Autowired
	IntakeService intake;

	@Autowired
	RuntimeService runtime;

	@Autowired
	Directory directory;

	@Autowired
	Calendars calendars;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcTemplate jdbc;

	final List<String> codes = new ArrayList<>();

	@BeforeEach
	void network() {
		TestNetwork.ensure(this.directory, this.calendars, this.distribution, this.identity);
		TestClock.set(LocalDateTime.of(2034, 3, 7, 10, 0).atZone(ZoneId.of("Europe/Rome")).toInstant());
	}

	@AfterEach
	void cleanUp() {
		TestNetwork.everyoneOff(this.availability);
		TestNetwork.endCases(this.runtime, this.codes);
		TestClock.reset();
	}

	@Test
	void anOperatorComesOnDutyAndAnAdministratorMovesTwoWaitingTasks() {
		this.browser.login("dist-op-r", TestNetwork.PASSWORD);
		this.browser.open("/tasks");
		this.browser.waitFor(By.id("duty-state"));
		WebElement onDuty = this.browser.waitFor(By.cssSelector("#duty-state vaadin-radio-button"));
		assertThat(onDuty.getText()).isEqualTo("In servizio");
		this.browser.click(By.cssSelector("#duty-state vaadin-radio-button label"));
		this.browser.waitUntil((driver) -> driver.findElement(By.id("duty-until")).getText().contains("16:00"));
		assertThat(this.availability.statusOf("dist-op-r").state()).isEqualTo(DutyState.ON_DUTY);
		// the operator adds a language of their own
		WebElement skills = this.browser.waitFor(By.cssSelector("#operator-skills input"));
		skills.click();
		skills.sendKeys("Tedesco");
		this.browser.waitFor(By.cssSelector("vaadin-multi-select-combo-box-item"));
		skills.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN, org.openqa.selenium.Keys.ENTER);
		this.browser.waitUntil((driver) -> this.availability.skillsOf("dist-op-r")
			.equals(Set.of(org.sportello.directory.Skill.LANG_DE)));
		skills.sendKeys(org.openqa.selenium.Keys.ESCAPE);
		this.browser.screenshot("availability-switch");

		this.availability.set("dist-op-c", DutyState.ON_DUTY);
		for (int i = 0; i < 3; i++) {
			this.codes.add(this.intake
				.open(new IntakeRequest(Channel.COUNTER, "PENSION", "Stato della domanda di pensione numero " + i, null,
						new IntakeRequest.Citizen("Carla Neri", null, null, false, "it"), Set.of()), "dist-op-r")
				.trackingCode());
		}
		assertThat(officesOfOurCases()).containsOnly(TestNetwork.REGION);

		Browser admin = new Browser(this.port);
		try {
			admin.login("admin", "demo");
			admin.open("/network");
			admin.click(By.xpath(
					"//vaadin-grid[@id='network-board']//vaadin-grid-cell-content[text()='URP regionale di prova']"));
			admin.waitUntil((driver) -> driver.findElement(By.id("network-waiting-title"))
				.getText()
				.equals("In attesa a URP regionale di prova"));
			admin.waitUntil(
					(driver) -> driver.findElements(By.cssSelector("#network-waiting vaadin-checkbox")).size() == 4);
			List<WebElement> boxes = admin.driver().findElements(By.cssSelector("#network-waiting vaadin-checkbox"));
			// the first is "select all"
			for (WebElement box : boxes.subList(1, 3)) {
				((org.openqa.selenium.JavascriptExecutor) admin.driver())
					.executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
				box.click();
			}
			// operators on duty by name
			assertThat(admin.driver().findElement(By.id("network-board")).getText()).contains("1 (Rita Prova)",
					"1 (Carla Prova)");
			admin.screenshot("network-board");
			admin.click(By.id("network-target"));
			admin.chooseOption("Centro contatti di prova");
			admin.click(By.id("network-move"));
			assertThat(admin.waitFor(By.tagName("vaadin-notification-card")).getText())
				.startsWith("Spostate 2 pratiche a Centro contatti di prova");
			assertThat(officesOfOurCases()).containsExactlyInAnyOrder(TestNetwork.CENTER, TestNetwork.CENTER,
					TestNetwork.REGION);
			assertThat(this.jdbc
				.queryForList("SELECT e.actor FROM spt_case_event e JOIN spt_case c ON c.id = e.case_id "
						+ "WHERE e.event_type = 'DISTRIBUTED' AND e.detail LIKE 'MANUAL|%' AND c.tracking_code IN (?, ?, ?)",
						String.class, this.codes.toArray()))
				.containsExactly("admin", "admin");
			// the board keeps the office selected and lists the one task left
			String left = this.jdbc.queryForObject(
					"SELECT c.tracking_code FROM spt_task t JOIN spt_case c ON "
							+ "c.id = t.case_id WHERE t.office_group_id = ? AND c.tracking_code IN (?, ?, ?)",
					String.class, TestNetwork.REGION, this.codes.get(0), this.codes.get(1), this.codes.get(2));
			admin.waitUntil((driver) -> {
				String listed = driver.findElement(By.id("network-waiting")).getText();
				return listed.contains(left)
						&& this.codes.stream().filter((code) -> !code.equals(left)).noneMatch(listed::contains);
			});
			assertThat(admin.driver().findElement(By.id("network-waiting-title")).getText())
				.isEqualTo("In attesa a URP regionale di prova");
			admin.chooseEnglish();
			admin.open("/network");
			assertThat(admin.waitFor(By.tagName("h2")).getText()).isEqualTo("Network workload");
			assertThat(admin.waitFor(By.id("network-board")).getText()).contains("On duty", "Open")
				.doesNotContain("Aperto");
		}
		finally {
			admin.close();
		}
	}

	private List<String> officesOfOurCases() {
		return this.jdbc.queryForList("SELECT t.office_group_id FROM spt_task t JOIN spt_case c ON c.id = t.case_id "
				+ "WHERE c.tracking_code IN (?, ?, ?)", String.class, this.codes.toArray());
	}

}
