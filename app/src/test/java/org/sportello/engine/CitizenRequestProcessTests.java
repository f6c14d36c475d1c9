package org.sportello.engine;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * Walks every path of {@code processes/citizen-request.bpmn} with the real routing
 * decisions on a plain in-memory engine; the coverage extension fails the class below 100
 * % of flow nodes and writes its report under target/process-test-coverage. The transfer
 * delegate is replaced by a stand-in that re-routes to a fixed office (its own behaviour
 * is tested with the application).
 */
@Deployment(resources = { "processes/citizen-request.bpmn", "decisions/routing.dmn", "forms/triage.form",
		"forms/back-office-answer.form", "forms/closure.form" })
class CitizenRequestProcessTests {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessEngineCoverageExtension.builder()
		.configurationResource("process-tests.camunda.cfg.xml")
		.assertClassCoverageAtLeast(1.0)
		.build();

	@BeforeEach
	void useThisEngine() {
		// the Spring application tests of the same JVM have an engine too
		init(engine.getProcessEngine());
		Mocks.register("transferCase",
				(JavaDelegate) (execution) -> execution.setVariable("backOfficeGroups", List.of("inps-bo")));
	}

	@AfterEach
	void resetMocks() {
		Mocks.reset();
	}

	@Test
	void frontOfficeResolvesOnTheSpot() {
		ProcessInstance request = start("CIVIL_REGISTRY_CERTIFICATE", "L'Aquila");

		assertThat(request).isWaitingAt("frontOfficeTriage");
		assertThat(task()).hasCandidateGroup("linea-amica-fo");
		complete(task(), withVariables("triageOutcome", "RESOLVE", "resolutionNote", "Certificato online"));

		assertThat(request).isEnded().hasPassedInOrder("requestReceived", "frontOfficeTriage", "resolvedAtFrontOffice");
	}

	@Test
	void twoAdministrationsAnswerJointlyThenTheRequestIsResolved() {
		ProcessInstance request = forwarded("RECONSTRUCTION_GRANT", "L'Aquila");

		assertThat(request).isWaitingAt("backOfficeWork").variables().containsEntry("priority", "NORMAL");
		assertThat(taskQuery().taskCandidateGroup("comune-aq-bo").singleResult()).isNotNull()
			.hasName("Lavorazione back office");
		answer("comune-aq-bo", "ANSWER");
		assertThat(request).isWaitingAt("backOfficeWork");
		answer("regione-bo", "ANSWER");

		assertThat(request).isEnded()
			.hasPassed("assessPriority", "routeRequest", "administrationAnswered")
			.hasPassed("requestResolved");
	}

	@Test
	void officialAsksTheCitizenForDocumentsAndResumesWhenTheyArrive() {
		ProcessInstance request = forwarded("PENSION", null);

		answer("inps-bo", "REQUEST_INFO");
		assertThat(request).isWaitingAt("waitForCitizen");
		runtimeService().createMessageCorrelation("citizenReply")
			.processInstanceBusinessKey(request.getBusinessKey())
			.correlateAll();
		assertThat(request).isWaitingAt("backOfficeWork");
		answer("inps-bo", "ANSWER");

		assertThat(request).isEnded().hasPassed("waitForCitizen", "requestResolved");
	}

	@Test
	void transferToAnotherAdministrationRoutesAgain() {
		ProcessInstance request = forwarded("LOCAL_TAX", "L'Aquila");

		answer("comune-aq-bo", "TRANSFER");
		assertThat(request).hasPassed("transferRequested", "transferCase").isWaitingAt("backOfficeWork");
		answer("inps-bo", "ANSWER");

		assertThat(request).isEnded().hasPassed("requestResolved");
	}

	@Test
	void backOfficeSendsTheAnswerBackToTheFrontOfficeForACallBack() {
		ProcessInstance request = forwarded("HEALTH_BOOKING", "Sulmona");

		answer("regione-bo", "BACK_TO_FRONT_OFFICE");
		assertThat(request).isWaitingAt("frontOfficeCallback");
		assertThat(task()).hasCandidateGroup("linea-amica-fo");
		complete(task(), withVariables("citizenReached", true, "closureNote", "Richiamato, appuntamento fissato"));

		assertThat(request).isEnded().hasPassed("frontOfficeCallbackRequested", "requestClosed");
	}

	@Test
	void notCompetentEndsTheRequestAndCancelsTheOtherAdministration() {
		ProcessInstance request = forwarded("WEATHER_HYDRO_RISK", "Avezzano");

		assertThat(request).variables().containsEntry("priority", "HIGH");
		answer("pc-bo", "NOT_COMPETENT");

		assertThat(request).isEnded().hasPassed("notCompetentDeclared", "requestNotCompetent");
		org.assertj.core.api.Assertions.assertThat(taskQuery().processInstanceId(request.getId()).count()).isZero();
	}

	private ProcessInstance forwarded(String topic, String municipality) {
		ProcessInstance request = start(topic, municipality);
		complete(task(request), withVariables("triageOutcome", "FORWARD", "resolutionNote", "Serve il back office"));
		return request;
	}

	private ProcessInstance start(String topic, String municipality) {
		Map<String, Object> variables = new java.util.HashMap<>();
		variables.put("caseId", "case-" + topic);
		variables.put("topic", topic);
		variables.put("channel", "PHONE");
		variables.put("municipality", municipality);
		variables.put("urgent", false);
		variables.put("disability", false);
		variables.put("frontOfficeGroup", "linea-amica-fo");
		variables.put("routingVersion", 1);
		variables.put("priorityVersion", 1);
		return runtimeService().startProcessInstanceByKey("citizenRequest", "SPT-TEST-" + topic, variables);
	}

	private void answer(String group, String outcome) {
		Task work = taskQuery().taskCandidateGroup(group).taskDefinitionKey("backOfficeWork").singleResult();
		claim(work, "official-" + group);
		complete(work, withVariables("boOutcome", outcome, "answer", "Esito " + outcome, "transferTo", "INPS"));
	}

}
