package org.sportello.documents.ui;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.sportello.cases.Channel;
import org.sportello.cases.OpenedCase;
import org.sportello.intake.IntakeRequest;
import org.sportello.intake.IntakeService;
import org.sportello.support.BrowserTestSupport;
import org.sportello.support.H2ApplicationTest;
import org.sportello.tasklist.BackOfficeActions;
import org.sportello.tasklist.BackOfficeOutcome;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole loop in a real headless Chromium, as its users walk it: the front office
 * opens a case (an impatient double click opens one) and forwards it; the INPS official
 * asks for two documents in the Camunda Form; the citizen reads on /track what is asked,
 * by whom and by when, and sends a PDF there; the case is back with the official, who
 * answers; the citizen reads the answer and rates; a joint case shows both answers; the
 * front office finds the closed case by name; in English, those pages show no Italian
 * text of ours.
 */
@H2ApplicationTest
class CitizenLoopBrowserTests extends BrowserTestSupport {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	/** Texts of our Italian UI that must not appear once the user chose English. */
	static final List<String> ITALIAN = List.of("Cronologia", "Documenti richiesti", "Risposte", "Invia", "Stato",
			"In lavorazione", "In attesa", "Risolta", "Campo obbligatorio", "Seleziona", "Esito", "Cittadino",
			"Nota del front office", "Allegati", "Prendi in carico", "Giorni lavorativi", "Documento di identità",
			"Attestazione ISEE", "entro il");

	@Autowired
	IntakeService intake;

	@Autowired
	BackOfficeActions backOffice;

	@Autowired
	TaskService tasks;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theAnswerReachesTheCitizenAndTheDocumentsReachTheOffice() {
		// the front office opens the case: one case for a double click
		this.browser.newCaseAsFrontOffice("Pensioni");
		this.browser.describeRequest("Pension of reversibility not paid since March, asks what is missing");
		this.browser.type("citizen-name", "Giulia Ferrante");
		this.browser.type("citizen-phone", "333 765 4321");
		Integer before = this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_case", Integer.class);
		new org.openqa.selenium.interactions.Actions(this.browser.driver())
			.doubleClick(this.browser.waitFor(By.id("open-case")))
			.perform();
		String code = this.browser.waitFor(By.id("tracking-code")).getText();
		String pin = this.browser.driver().findElement(By.id("pin")).getText();
		this.browser.type("triage-note", "Has the INPS letter of 12 March; calls from a landline in the mornings");
		this.browser.click(By.id("forward-case"));
		this.browser.waitUntil((driver) -> driver.findElement(By.id("case-status")).getText().startsWith("Inoltrata"));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_case", Integer.class)).isEqualTo(before + 1);

		// the INPS official reads the front office's note and asks for two documents
		this.browser.open("/logout");
		this.browser.login("bo-inps", "demo");
		this.browser.waitFor(By.id("current-user"));
		openTask(code);
		assertThat(this.browser.waitFor(By.id("task-citizen")).getText()).contains("Giulia Ferrante")
			.contains("+393337654321");
		assertThat(this.browser.driver().findElement(By.id("task-forward-note")).getText())
			.contains("INPS letter of 12 March");
		this.browser.click(By.id("claim-task"));
		this.browser.waitUntil((driver) -> driver.findElement(By.id("task-assignee")).getText().contains("bo-inps"));
		choose("Chiedere documenti o informazioni al cittadino");
		WebElement form = this.browser.waitFor(By.cssSelector("#task-form .fjs-form"));
		checkOption(form, "Documento di identità");
		checkOption(form, "Attestazione ISEE");
		this.browser.typeInTaskForm(".fjs-form-field-textarea textarea",
				"Send the ISEE of this year and an identity document, both as PDF");
		this.browser.screenshot("task-request-documents");
		this.browser.click(By.id("complete-task"));
		this.browser.waitUntil((driver) -> driver.getCurrentUrl().endsWith("/tasks"));

		// the citizen reads what, by whom, by when, and sends a PDF on the tracking page
		this.browser.open("/logout");
		track(code, pin);
		WebElement asked = this.browser.waitFor(By.id("track-document-requests"));
		assertThat(asked.getText()).contains("INPS")
			.contains("Documento di identità")
			.contains("Attestazione ISEE")
			.contains("entro il")
			.contains("Send the ISEE of this year");
		// the request is shown once: with what it asks, not again among the answers
		assertThat(this.browser.driver().findElements(By.id("track-answers"))).isEmpty();
		assertThat(this.browser.driver().findElement(By.id("track-status")).getText())
			.isEqualTo("In attesa di integrazione");
		this.browser.upload("track-reply-upload", "isee-2026.pdf", PDF);
		this.browser.waitUntil(
				(driver) -> driver.findElement(By.id("track-reply-accepted")).getText().contains("isee-2026.pdf"));
		this.browser.type("track-reply-message", "Here is the ISEE; the identity document follows by post");
		this.browser.screenshot("track-documents");
		this.browser.click(By.id("track-reply-send"));
		this.browser.waitFor(By.id("track-reply-sent"));
		this.browser
			.waitUntil((driver) -> driver.findElement(By.id("track-status")).getText().equals("In lavorazione"));
		assertThat(this.jdbc.queryForList("SELECT a.file_name FROM spt_attachment a JOIN spt_case c ON c.id = a.case_id"
				+ " WHERE c.tracking_code = ?", String.class, code))
			.containsExactly("isee-2026.pdf");

		// the case is back with the official, who reads the reply and answers
		this.browser.login("bo-inps", "demo");
		this.browser.waitFor(By.id("current-user"));
		openTask(code);
		assertThat(this.browser.waitFor(By.id("task-citizen-reply")).getText()).contains("Here is the ISEE")
			.contains("isee-2026.pdf");
		this.browser.click(By.id("claim-task"));
		this.browser.waitUntil((driver) -> driver.findElement(By.id("task-assignee")).getText().contains("bo-inps"));
		choose("Risposta al cittadino");
		this.browser.typeInTaskForm(".fjs-form-field-textarea textarea",
				"The pension is paid from 1 December with the arrears since March");
		this.browser.click(By.id("complete-task"));
		this.browser.waitUntil((driver) -> driver.getCurrentUrl().endsWith("/tasks"));

		// the citizen reads the answer and rates the service
		this.browser.open("/logout");
		track(code, pin);
		this.browser.waitUntil((driver) -> driver.findElement(By.id("track-status")).getText().equals("Risolta"));
		assertThat(this.browser.driver().findElement(By.id("track-answers")).getText()).contains("INPS")
			.contains("The pension is paid from 1 December")
			.doesNotContain("Send the ISEE");
		assertThat(this.browser.driver().findElement(By.id("track-document-requests")).getText())
			.contains("Risposta ricevuta");
		this.browser.click(By.id("rate-positive"));
		this.browser.waitFor(By.id("track-rated"));

		// in English, the citizen's page has none of our Italian texts
		this.browser.click(By.id("language-toggle"));
		this.browser.waitUntil((driver) -> driver.findElement(By.id("track-status")).getText().equals("Resolved"));
		assertNoItalian(this.browser.driver().findElement(By.id("track-result")).getText());
		this.browser.screenshot("track-answered-en");

		// a joint case: the citizen reads both administrations' answers
		OpenedCase joint = this.intake.open(
				new IntakeRequest(Channel.COUNTER, "RECONSTRUCTION_GRANT",
						"Contributo per la ricostruzione della casa di via Roma", "L'Aquila",
						new IntakeRequest.Citizen("Paolo Santini", "+393331112233", null, false, "it"), Set.of()),
				"fo1");
		this.intake.forward(joint.trackingCode(), "Casa classificata E dopo il sisma", "fo1");
		this.backOffice.decide(joint.trackingCode(), "bo-comune", BackOfficeOutcome.ANSWER,
				"Pratica edilizia istruita: il progetto è conforme", null);
		this.backOffice.decide(joint.trackingCode(), "bo-regione", BackOfficeOutcome.ANSWER,
				"Contributo concesso: 82.000 euro in tre rate", null);
		this.browser.open("/track");
		track(joint.trackingCode(), joint.pin());
		this.browser
			.waitUntil((driver) -> driver.findElements(By.cssSelector("#track-answers .track-answer")).size() == 2);
		assertThat(this.browser.driver().findElement(By.id("track-answers")).getText())
			.contains("il progetto è conforme")
			.contains("82.000 euro");

		// the front office finds the closed case by the citizen's name
		this.browser.login("fo1", "demo");
		this.browser.waitFor(By.id("current-user"));
		this.browser.open("/cases");
		this.browser.type("search-text", "Ferrante");
		this.browser.waitUntil((driver) -> driver.findElement(By.id("case-search")).getText().contains(code));

		// and, in English, the officials' case and task pages show no Italian text of
		// ours
		this.browser.chooseEnglish();
		this.browser.open("/cases/" + code);
		WebElement caseView = this.browser.waitFor(By.id("case-document-requests"));
		assertThat(caseView.getText()).contains("Identity document").contains("ISEE statement");
		assertNoItalian(this.browser.driver().findElement(By.tagName("body")).getText());
		this.browser.screenshot("case-view-en");
		OpenedCase open = this.intake.open(new IntakeRequest(Channel.PHONE, "PENSION", "Asks about the pension amount",
				null, new IntakeRequest.Citizen("Marta Neri", "+393334445566", null, false, "en"), Set.of()), "fo1");
		this.intake.forward(open.trackingCode(), "Wants the detail of the amount", "fo1");
		this.browser.open("/logout");
		this.browser.login("bo-inps", "demo");
		this.browser.waitFor(By.id("current-user"));
		this.browser.chooseEnglish();
		openTask(open.trackingCode());
		this.browser.waitFor(By.cssSelector("#task-form .fjs-form"));
		this.browser.click(By.id("claim-task"));
		this.browser.waitUntil((driver) -> driver.findElement(By.id("task-assignee")).getText().contains("bo-inps"));
		this.browser.click(By.id("complete-task"));
		// form-js's own messages and the designer's labels, in English
		this.browser.waitUntil((driver) -> driver.findElement(By.id("task-form")).getText().contains("Outcome"));
		this.browser
			.waitUntil((driver) -> !driver.findElements(By.cssSelector("#task-form .fjs-form-field-error")).isEmpty());
		assertNoItalian(this.browser.driver().findElement(By.tagName("body")).getText());
		this.browser.screenshot("task-form-en");
	}

	private void track(String code, String pin) {
		this.browser.open("/track?code=" + code);
		this.browser.type("track-pin", pin);
		this.browser.click(By.id("track-button"));
		this.browser.waitFor(By.id("track-status"));
	}

	private void openTask(String code) {
		String taskId = this.tasks.createTaskQuery()
			.processInstanceBusinessKey(code)
			.taskDefinitionKey("backOfficeWork")
			.singleResult()
			.getId();
		this.browser.open("/tasks/" + taskId);
		this.browser.waitFor(By.cssSelector("#task-form .fjs-form"));
	}

	/** Picks the outcome in the form's first select, as a user does. */
	private void choose(String outcome) {
		this.browser.chooseInForm(this.browser.waitFor(By.cssSelector("#task-form .fjs-form")), outcome);
	}

	private void checkOption(WebElement form, String label) {
		this.browser.waitUntil((driver) -> form.getText().contains(label));
		form.findElements(By.cssSelector(".fjs-form-field-checklist label"))
			.stream()
			.filter((option) -> option.getText().trim().equals(label))
			.findFirst()
			.orElseThrow()
			.click();
	}

	private static void assertNoItalian(String text) {
		assertThat(ITALIAN).as("Italian texts on an English page:\n" + text)
			.noneMatch((italian) -> text.contains(italian));
	}

}
