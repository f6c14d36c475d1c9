package org.sportello.intake.ui;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.sportello.support.BrowserTestSupport;
import org.sportello.support.H2ApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real headless Chromium: a front-office operator opens a case, fixes bad input,
 * forwards it.
 */
@H2ApplicationTest
class NewCaseViewBrowserTests extends BrowserTestSupport {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TaskService taskService;

	@Test
	void operatorOpensACaseAfterFixingTheMarkedFieldsAndForwardsIt() {
		this.browser.newCaseAsFrontOffice("Pensioni");
		// blanks at the ends do not count: five characters are too few
		this.browser.describeRequest("   corta   ");
		type("citizen-name", "Maria Bianchi");
		type("citizen-phone", "333-12");
		Integer before = this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_case", Integer.class);
		this.browser.click(By.id("open-case"));

		WebElement phone = this.browser.waitFor(By.cssSelector("#citizen-phone[invalid]"));
		assertThat(phone.getText()).contains("333 1234567");
		assertThat(this.browser.waitFor(By.cssSelector("#description[invalid]")).getText()).contains("10");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_case", Integer.class)).isEqualTo(before);

		clear("citizen-phone");
		type("citizen-phone", "+393331234567");
		clear("description");
		// markup characters are text like any other, kept as written
		this.browser
			.describeRequest("Reddito < 10.000 euro: chiede lo stato della domanda di pensione presentata a marzo");
		upload("modulo.pdf", "MZ this is not a pdf".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		this.browser.waitUntil((driver) -> driver.findElement(By.id("attachment-error")).getText().contains("PDF"));
		upload("domanda.pdf", "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		this.browser.waitUntil((driver) -> driver.findElement(By.id("attachment-error")).getText().isEmpty());
		assertThat(this.browser.driver().findElement(By.id("accepted-files")).getText()).endsWith("domanda.pdf");
		// an impatient double click opens exactly one case
		new org.openqa.selenium.interactions.Actions(this.browser.driver())
			.doubleClick(this.browser.driver().findElement(By.id("open-case")))
			.perform();

		String code = this.browser.waitFor(By.id("tracking-code")).getText();
		assertThat(code).matches("SPT-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
		assertThat(this.browser.driver().findElement(By.id("pin")).getText()).matches("[0-9]{6}");
		assertThat(this.browser.driver().findElement(By.id("case-status")).getText()).isEqualTo("Ricevuta");
		this.browser.screenshot("new-case");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_case", Integer.class)).isEqualTo(before + 1);
		// the citizen's receipt: code and PIN on one printed page, no name
		byte[] receipt = this.browser
			.downloadFile(this.browser.driver().findElement(By.id("case-receipt")).getDomAttribute("href"), ".pdf");
		String printed = org.sportello.intake.CaseReceiptTests.text(receipt);
		assertThat(printed).contains(code)
			.contains(this.browser.driver().findElement(By.id("pin")).getText())
			.contains("Ricevuta della richiesta")
			.doesNotContain("+393331234567");

		type("triage-note", "Verificare lo stato presso la sede INPS");
		this.browser.click(By.id("forward-case"));
		this.browser.waitUntil((driver) -> driver.findElement(By.id("case-status")).getText().startsWith("Inoltrata"));
		// the operator can tell the citizen who has the request now
		this.browser
			.waitUntil((driver) -> driver.findElement(By.id("case-status")).getText().equals("Inoltrata a: INPS"));
		// done once: both actions are disabled now
		this.browser.waitUntil((driver) -> driver.findElement(By.id("resolve-case")).getAttribute("disabled") != null);
		assertThat(this.browser.driver().findElement(By.id("forward-case")).getAttribute("disabled")).isNotNull();
		assertThat(this.jdbc.queryForList("SELECT a.file_name FROM spt_attachment a JOIN spt_case c ON c.id = a.case_id"
				+ " WHERE c.tracking_code = ?", String.class, code))
			.containsExactly("domanda.pdf");
		assertThat(this.jdbc.queryForObject("SELECT description FROM spt_case WHERE tracking_code = ?", String.class,
				code))
			.isEqualTo("Reddito < 10.000 euro: chiede lo stato della domanda di pensione presentata a marzo");
		assertThat(this.taskService.createTaskQuery()
			.processInstanceBusinessKey(code)
			.taskCandidateGroup("inps-bo")
			.count()).isEqualTo(1);
	}

	/** Chooses a file in the vaadin-upload, as the file dialog would. */
	private void upload(String name, byte[] content) {
		this.browser.upload("attachments", name, content);
	}

	private void type(String id, String text) {
		this.browser.type(id, text);
	}

	private void clear(String id) {
		this.browser.clear(id);
	}

}
