package org.sportello.tasklist.ui;

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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real headless Chromium: an INPS official finds a forwarded case in the inbox,
 * claims it, fills the Camunda Form (form-js) with a too short answer and then a valid
 * one, completes it and the case is resolved; an official of another administration
 * cannot reach the case or the task.
 */
@H2ApplicationTest
class TasklistBrowserTests extends BrowserTestSupport {

	@Autowired
	IntakeService intake;

	@Autowired
	TaskService tasks;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.camunda.bpm.engine.RepositoryService repository;

	@Autowired
	org.camunda.bpm.engine.RuntimeService runtime;

	@Test
	void officialClaimsFillsTheFormAndCompletesTheCasesTask() {
		OpenedCase opened = this.intake.open(
				new IntakeRequest(Channel.PHONE, "PENSION", "Chiede quando sarà pagata la pensione di reversibilità",
						null, new IntakeRequest.Citizen("Anna Verdi", "+393335550001", null, true, "it"), Set.of()),
				"fo1");
		this.intake.forward(opened.trackingCode(), "Al back office INPS", "fo1");
		String taskId = this.tasks.createTaskQuery()
			.processInstanceBusinessKey(opened.trackingCode())
			.singleResult()
			.getId();

		this.browser.login("bo-inps", "demo");
		this.browser.waitFor(By.id("current-user"));
		this.browser.open("/tasks");
		this.browser.click(By.id("tab-offices"));
		this.browser
			.waitUntil((driver) -> driver.findElement(By.id("inbox")).getText().contains(opened.trackingCode()));
		assertThat(this.browser.driver().findElement(By.id("inbox")).getText()).contains("In regola");
		// on a 1366 x 768 laptop every column is on screen, no sideways scrolling
		this.browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1366, 768));
		this.browser.waitUntil((driver) -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
				"const t = arguments[0].$.table; return t.scrollWidth <= t.clientWidth + 1;",
				driver.findElement(By.id("inbox"))));
		this.browser.screenshot("inbox");
		this.browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
		this.browser.click(By.linkText(opened.trackingCode()));

		this.browser.click(By.id("claim-task"));
		this.browser.waitUntil((driver) -> driver.findElement(By.id("task-assignee")).getText().contains("bo-inps"));
		WebElement form = this.browser.waitFor(By.cssSelector("#task-form .fjs-form"));
		this.browser.chooseInForm(form, "Risposta al cittadino");
		WebElement answer = form.findElement(By.cssSelector(".fjs-form-field-textarea textarea"));
		answer.sendKeys("Ok");
		this.browser.click(By.id("complete-task"));
		this.browser.waitUntil((driver) -> driver.findElement(By.id("task-message")).getText().contains("errori"));
		assertThat(this.browser.driver().findElements(By.cssSelector("#task-form .fjs-form-field-error"))).isNotEmpty();
		assertThat(status(opened)).isEqualTo("IN_LAVORAZIONE");

		answer.sendKeys(": la pensione sarà pagata il primo del mese");
		this.browser.screenshot("task-form");
		this.browser.click(By.id("complete-task"));
		this.browser.waitUntil((driver) -> driver.getCurrentUrl().endsWith("/tasks"));
		assertThat(status(opened)).isEqualTo("RISOLTA");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_task WHERE task_id = ?", Integer.class, taskId))
			.isZero();

		this.browser.open("/cases/" + opened.trackingCode());
		this.browser.waitFor(By.id("case-timeline"));
		// the answer proposed for the knowledge base: a draft without the citizen's data
		this.browser.click(By.cssSelector("#case-answers .propose-faq"));
		this.browser.waitUntil((driver) -> driver.findElement(By.cssSelector("#case-answers .propose-faq-done"))
			.getText()
			.startsWith("Bozza creata"));
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM spt_kb_article WHERE status = 'IN_REVIEW' "
						+ "AND administration_code = 'INPS' AND answer LIKE '%sarà pagata il primo del mese%'",
				Integer.class))
			.isOne();
		this.browser.type("note-text", "Verificato con la sede centrale");
		this.browser.click(By.id("add-note"));
		this.browser.waitUntil((driver) -> driver.findElement(By.id("case-notes")).getText().contains("sede centrale"));
		this.browser.upload("case-upload", "finto.pdf",
				"MZ not a pdf".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		this.browser.waitUntil((driver) -> driver.findElement(By.id("case-upload-error")).getText().contains("PDF"));
		this.browser.upload("case-upload", "ricevuta.pdf",
				"%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		this.browser
			.waitUntil((driver) -> driver.findElement(By.id("case-attachments")).getText().contains("ricevuta.pdf"));
		assertThat(this.browser.driver().findElement(By.id("case-attachments")).getText()).doesNotContain("finto.pdf");
		this.browser.screenshot("case-view");

		this.browser.open("/logout");
		this.browser.login("bo-comune", "demo");
		this.browser.waitFor(By.id("current-user"));
		this.browser.open("/cases/" + opened.trackingCode());
		assertThat(this.browser.waitFor(By.id("case-not-found")).getText()).contains("non trovata");
	}

	@Test
	void aSubmitTheModelCannotTakeSaysSoAndKeepsTheTaskAndWhatWasTyped() {
		// a designer's model whose gateway has no way on for one of the form's options
		String form = """
				{"components":[
				  {"type":"select","key":"route","label":"Esito","id":"Field_route","validate":{"required":true},
				   "values":[{"label":"Avanti","value":"go"},{"label":"Vicolo cieco","value":"dead"}]},
				  {"type":"textfield","key":"remark","label":"Annotazione","id":"Field_remark"}],
				 "type":"default","id":"engine-refusal-form","schemaVersion":18,
				 "exporter":{"name":"Camunda Modeler","version":"5.38.1"}}""";
		String bpmn = """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" targetNamespace="http://sportello.org/test">
				  <bpmn:process id="engineRefusal" name="Vicolo cieco" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="start"/>
				    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="decide"/>
				    <bpmn:userTask id="decide" name="Decidere" camunda:candidateGroups="inps-bo"
				        camunda:formRef="engine-refusal-form" camunda:formRefBinding="deployment"/>
				    <bpmn:sequenceFlow id="f2" sourceRef="decide" targetRef="which"/>
				    <bpmn:exclusiveGateway id="which"/>
				    <bpmn:sequenceFlow id="f3" sourceRef="which" targetRef="end">
				      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${route == 'go'}</bpmn:conditionExpression>
				    </bpmn:sequenceFlow>
				    <bpmn:sequenceFlow id="f4" sourceRef="which" targetRef="end">
				      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${route == 'back'}</bpmn:conditionExpression>
				    </bpmn:sequenceFlow>
				    <bpmn:endEvent id="end"/>
				  </bpmn:process>
				</bpmn:definitions>
				""";
		String deployment = this.repository.createDeployment()
			.name("engine-refusal")
			.addString("engine-refusal.bpmn", bpmn)
			.addString("engine-refusal.form", form)
			.deploy()
			.getId();
		try {
			String taskId = this.tasks.createTaskQuery()
				.processInstanceId(this.runtime.startProcessInstanceByKey("engineRefusal").getId())
				.singleResult()
				.getId();
			this.browser.login("bo-inps", "demo");
			this.browser.waitFor(By.id("current-user"));
			this.browser.open("/tasks/" + taskId);
			this.browser.click(By.id("claim-task"));
			this.browser
				.waitUntil((driver) -> driver.findElement(By.id("task-assignee")).getText().contains("bo-inps"));
			WebElement shown = this.browser.waitFor(By.cssSelector("#task-form .fjs-form"));
			this.browser.chooseInForm(shown, "Vicolo cieco");
			shown.findElement(By.cssSelector(".fjs-form-field-textfield input")).sendKeys("Provata la strada chiusa");
			this.browser.click(By.id("complete-task"));

			this.browser.waitUntil(
					(driver) -> driver.findElement(By.id("task-message")).getText().contains("non può proseguire"));
			assertThat(this.tasks.createTaskQuery().taskId(taskId).count()).isOne();
			assertThat(this.browser.driver()
				.findElement(By.cssSelector("#task-form .fjs-form-field-textfield input"))
				.getDomProperty("value")).isEqualTo("Provata la strada chiusa");
			this.browser.screenshot("task-engine-refused");

			this.browser.chooseInForm(this.browser.driver().findElement(By.cssSelector("#task-form .fjs-form")),
					"Avanti");
			this.browser.click(By.id("complete-task"));
			this.browser.waitUntil((driver) -> driver.getCurrentUrl().endsWith("/tasks"));
			assertThat(this.tasks.createTaskQuery().taskId(taskId).count()).isZero();
		}
		finally {
			this.repository.deleteDeployment(deployment, true);
		}
	}

	@Test
	void officialOfAnotherAdministrationCannotOpenTheTask() {
		OpenedCase opened = this.intake.open(
				new IntakeRequest(Channel.PHONE, "PENSION", "Domanda di pensione anticipata", null,
						new IntakeRequest.Citizen("Bruno Gialli", null, "b@example.org", false, "it"), Set.of()),
				"fo1");
		this.intake.forward(opened.trackingCode(), "Al back office INPS", "fo1");
		String taskId = this.tasks.createTaskQuery()
			.processInstanceBusinessKey(opened.trackingCode())
			.singleResult()
			.getId();

		this.browser.login("bo-regione", "demo");
		this.browser.waitFor(By.id("current-user"));
		this.browser.open("/tasks/" + taskId);
		assertThat(this.browser.waitFor(By.tagName("h2")).getText()).contains("non trovata");
		this.browser.open("/tasks");
		this.browser.click(By.id("tab-offices"));
		this.browser.waitFor(By.id("inbox"));
		assertThat(this.browser.driver().findElement(By.id("inbox")).getText()).doesNotContain(opened.trackingCode());
	}

	@Test
	void inboxShowsANewTaskWithoutReloadAndKeepsSavedFilters() {
		this.browser.login("bo-provincia", "demo");
		this.browser.waitFor(By.id("current-user"));
		this.browser.open("/tasks");
		this.browser.click(By.id("tab-offices"));
		this.browser.waitFor(By.id("inbox"));
		this.browser.type("saved-filter-name", "\u3000\u3000");
		this.browser.click(By.id("save-filter"));
		assertThat(this.browser.waitFor(By.cssSelector("#saved-filter-name[invalid]")).getText()).contains("80");
		this.browser.clear("saved-filter-name");
		this.browser.type("saved-filter-name", "Uffici, per SLA");
		this.browser.click(By.id("save-filter"));
		this.browser.waitUntil((driver) -> this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM spt_saved_filter WHERE user_id = 'bo-provincia' AND name = 'Uffici, per SLA'",
				Integer.class) == 1);

		// a case for this office arrives while the inbox is open: it appears by itself
		// (Push)
		OpenedCase opened = this.intake.open(new IntakeRequest(Channel.EMAIL, "SCHOOL_BUILDINGS",
				"Infiltrazioni nella palestra della scuola media", "Avezzano",
				new IntakeRequest.Citizen("Dario Rosa", null, "dario@example.org", false, "it"), Set.of()), "fo1");
		this.intake.forward(opened.trackingCode(), "Alla Provincia", "fo1");
		this.browser
			.waitUntil((driver) -> driver.findElement(By.id("inbox")).getText().contains(opened.trackingCode()));
	}

	private String status(OpenedCase opened) {
		return this.jdbc.queryForObject("SELECT status FROM spt_case WHERE id = ?", String.class, opened.caseId());
	}

}
