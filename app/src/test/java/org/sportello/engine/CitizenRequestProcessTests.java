package org.sportello.engine;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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
import org.sportello.support.TestClock;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
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

	private static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T08:00:00Z");

	private final SlaStandIn sla = new SlaStandIn();

	private final DocumentsStandIn documents = new DocumentsStandIn();

	private final ExchangeStandIn exchange = new ExchangeStandIn();

	@BeforeEach
	void useThisEngine() {
		// the Spring application tests of the same JVM have an engine too
		init(engine.getProcessEngine());
		TestClock.set(MONDAY_MORNING);
		Mocks.register("transferCase",
				(JavaDelegate) (execution) -> execution.setVariable("backOfficeGroups", List.of("inps-bo")));
		Mocks.register("sla", this.sla);
		Mocks.register("documentRequests", this.documents);
		Mocks.register("exchange", this.exchange);
		Mocks.register("routeToAdministration",
				(JavaDelegate) (execution) -> execution.setVariable("backOfficeGroups", List.of("inps-bo")));
	}

	@AfterEach
	void resetMocksAndClock() {
		Mocks.reset();
		TestClock.reset();
	}

	@Test
	void frontOfficeResolvesOnTheSpot() {
		ProcessInstance request = start("CIVIL_REGISTRY_CERTIFICATE", "L'Aquila");

		assertThat(request).isWaitingAt("frontOfficeTriage");
		assertThat(task()).hasCandidateGroup("linea-amica-fo");
		complete(task(), withVariables("triageOutcome", "RESOLVE", "resolutionNote", "Certificato online"));

		assertThat(request).isEnded().hasPassedInOrder("requestReceived", "frontOfficeTriage", "resolvedAtFrontOffice");
		// the front office's SLA ran while the task was open; no timer left behind (the
		// SLA's steps are swept from its clock, not timed in the engine)
		org.assertj.core.api.Assertions.assertThat(this.sla.started).containsExactly("linea-amica-fo");
		org.assertj.core.api.Assertions.assertThat(this.sla.stopped).containsExactly("linea-amica-fo");
		org.assertj.core.api.Assertions.assertThat(managementService().createJobQuery().count()).isZero();
	}

	@Test
	void theTriageRunsUnderTheFrontOfficesSlaWithoutEngineTimers() {
		ProcessInstance request = start("OTHER", null);

		assertThat(request).isWaitingAt("frontOfficeTriage");
		org.assertj.core.api.Assertions.assertThat(this.sla.started).containsExactly("linea-amica-fo");
		org.assertj.core.api.Assertions.assertThat(managementService().createJobQuery().timers().count()).isZero();
		complete(task(request), withVariables("triageOutcome", "RESOLVE", "resolutionNote", "Risolta"));
		assertThat(request).isEnded();
	}

	@Test
	void theBackOfficeTaskRunsUnderTheSlaOfTheOfficeThatHoldsIt() {
		ProcessInstance request = forwarded("PENSION", null);

		assertThat(request).isWaitingAt("backOfficeWork");
		org.assertj.core.api.Assertions.assertThat(this.sla.started).containsExactly("linea-amica-fo", "inps-bo");
		org.assertj.core.api.Assertions.assertThat(managementService().createJobQuery().timers().count()).isZero();
		answer("inps-bo", "ANSWER");
		assertThat(request).isEnded();
	}

	@Test
	void theOfficesSlaPausesWhileItWaitsForTheCitizenAndResumesWithTheTask() {
		ProcessInstance request = forwarded("PENSION", null);
		answer("inps-bo", "REQUEST_INFO");

		org.assertj.core.api.Assertions.assertThat(this.sla.paused).containsExactly("inps-bo");
		org.assertj.core.api.Assertions.assertThat(this.documents.actions).containsExactly("open inps-bo");
		// only the request's own timers: the reminder and the due date
		org.assertj.core.api.Assertions.assertThat(managementService().createJobQuery().timers().count()).isEqualTo(2);
		moveTo(DocumentsStandIn.REMIND.minusSeconds(1));
		org.assertj.core.api.Assertions.assertThat(fireDueTimers()).isZero();

		runtimeService().createMessageCorrelation("citizenReply")
			.processInstanceBusinessKey(request.getBusinessKey())
			.correlateAll();
		// back at work: the office's clock resumes; the request's timers are gone
		org.assertj.core.api.Assertions.assertThat(this.sla.started)
			.containsExactly("linea-amica-fo", "inps-bo", "inps-bo");
		org.assertj.core.api.Assertions.assertThat(managementService().createJobQuery().timers().count()).isZero();
		answer("inps-bo", "ANSWER");
		assertThat(request).isEnded();
	}

	@Test
	void theCitizenIsRemindedThenWithoutAReplyTheOfficeHasTheCaseBack() {
		ProcessInstance request = forwarded("PENSION", null);
		answer("inps-bo", "REQUEST_INFO");
		assertThat(request).isWaitingAt("waitForCitizen").hasPassed("openDocumentRequest");

		moveTo(DocumentsStandIn.REMIND);
		org.assertj.core.api.Assertions.assertThat(fireDueTimers()).isOne();
		// the reminder leaves the wait where it was
		assertThat(request).isWaitingAt("waitForCitizen").hasPassed("remindCitizen", "citizenReminded");
		moveTo(DocumentsStandIn.DUE);
		org.assertj.core.api.Assertions.assertThat(fireDueTimers()).isOne();

		assertThat(request).hasPassed("recordNoReply").isWaitingAt("backOfficeWork");
		org.assertj.core.api.Assertions.assertThat(this.documents.actions)
			.containsExactly("open inps-bo", "remind inps-bo", "expire inps-bo");
		Task work = taskQuery().taskCandidateGroup("inps-bo").singleResult();
		org.assertj.core.api.Assertions.assertThat(taskService().getVariable(work.getId(), "documentsOutcome"))
			.isEqualTo("NO_REPLY");
		answer("inps-bo", "ANSWER");
		assertThat(request).isEnded().hasPassed("requestResolved");
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

	@Test
	void anOfficeServedByAnotherInstallationIsSentThereAndItsAnswerEndsTheLeg() {
		this.exchange.servedByPeer.add("inps-bo");
		ProcessInstance request = forwarded("PENSION", null);

		assertThat(request).isWaitingAt("waitForPeer").hasPassed("legDecision", "sendToPeer");
		org.assertj.core.api.Assertions.assertThat(this.exchange.actions).containsExactly("send inps-bo");
		// no local task: the other installation works it
		org.assertj.core.api.Assertions.assertThat(taskQuery().taskCandidateGroup("inps-bo").count()).isZero();
		peerDecides(request, "inps-bo", "ANSWER");

		assertThat(request).isEnded().hasPassed("backOfficeOutcome", "administrationAnswered", "requestResolved");
		org.assertj.core.api.Assertions.assertThat(this.sla.stopped).containsExactly("linea-amica-fo", "inps-bo");
	}

	@Test
	void theOtherInstallationAsksTheCitizenThroughUsAndTheReplyGoesBackToIt() {
		this.exchange.servedByPeer.add("inps-bo");
		ProcessInstance request = forwarded("PENSION", null);

		peerDecides(request, "inps-bo", "REQUEST_INFO");
		assertThat(request).isWaitingAt("waitForCitizen").hasPassed("openDocumentRequest");
		runtimeService().createMessageCorrelation("citizenReply")
			.processInstanceBusinessKey(request.getBusinessKey())
			.correlateAll();
		assertThat(request).hasPassed("replyGoesTo", "forwardReplyToPeer").isWaitingAt("waitForPeer");
		org.assertj.core.api.Assertions.assertThat(this.exchange.actions)
			.containsExactly("send inps-bo", "forwardReply inps-bo");
		peerDecides(request, "inps-bo", "ANSWER");

		assertThat(request).isEnded().hasPassed("requestResolved");
	}

	@Test
	void theLegWithAnotherInstallationRunsUnderTheOfficesSla() {
		this.exchange.servedByPeer.add("inps-bo");
		ProcessInstance request = forwarded("PENSION", null);

		assertThat(request).isWaitingAt("waitForPeer");
		org.assertj.core.api.Assertions.assertThat(this.sla.started).containsExactly("linea-amica-fo", "inps-bo");
		// the triage's clock stopped with the triage, the leg's runs
		org.assertj.core.api.Assertions.assertThat(this.sla.stopped).containsExactly("linea-amica-fo");
		peerDecides(request, "inps-bo", "NOT_COMPETENT");

		assertThat(request).isEnded().hasPassed("requestNotCompetent");
		org.assertj.core.api.Assertions.assertThat(this.sla.stopped).containsExactly("linea-amica-fo", "inps-bo");
	}

	@Test
	void aCaseFromAnotherInstallationSkipsTriageAndGoesBackWhenTheOfficeReturnsIt() {
		Map<String, Object> variables = new java.util.HashMap<>();
		variables.put("caseId", "case-received");
		variables.put("topic", "PENSION");
		variables.put("channel", "EXCHANGE");
		variables.put("urgent", false);
		variables.put("disability", false);
		variables.put("frontOfficeGroup", "fo");
		variables.put("routingVersion", 1);
		variables.put("priorityVersion", 1);
		variables.put("exchangeTarget", "INPS");
		ProcessInstance request = runtimeService().startProcessInstanceByKey("citizenRequest", "SPT-RECEIVED",
				variables);

		assertThat(request).hasPassed("originDecision", "routeToAdministration").isWaitingAt("backOfficeWork");
		org.assertj.core.api.Assertions.assertThat(taskQuery().taskDefinitionKey("frontOfficeTriage").count()).isZero();
		answer("inps-bo", "BACK_TO_FRONT_OFFICE");

		assertThat(request).isEnded().hasPassed("returnDecision", "giveBackToSender", "returnedToSender");
		org.assertj.core.api.Assertions.assertThat(this.exchange.actions).containsExactly("giveBack");
	}

	private static void peerDecides(ProcessInstance request, String office, String outcome) {
		runtimeService().createMessageCorrelation("peerOutcome")
			.processInstanceBusinessKey(request.getBusinessKey())
			.localVariableEquals("peerOffice", office)
			.setVariables(Map.of("boOutcome", outcome, "answer", "Esito " + outcome, "documents", List.of(),
					"documentsWithinDays", 10))
			.correlateWithResult();
	}

	private static void moveTo(Instant instant) {
		TestClock.set(instant);
	}

	/** Runs the timers due now, as the job executor would; answers how many. */
	private static int fireDueTimers() {
		List<Job> due = managementService().createJobQuery()
			.timers()
			.duedateLowerThan(Date.from(ClockUtil.getCurrentTime().toInstant().plusMillis(1)))
			.list();
		due.forEach((job) -> managementService().executeJob(job.getId()));
		return due.size();
	}

	/**
	 * Stands in for the {@code sla} bean: a record of the offices whose SLA started (or
	 * resumed), paused and stopped. What the SLA then does when its steps fall due is
	 * tested with the application (SlaLifecycleTests).
	 */
	public static final class SlaStandIn {

		final List<String> started = new java.util.ArrayList<>();

		final List<String> paused = new java.util.ArrayList<>();

		final List<String> stopped = new java.util.ArrayList<>();

		public void start(DelegateExecution execution, String office) {
			this.started.add(office);
		}

		public void pause(DelegateExecution execution, String office) {
			this.paused.add(office);
		}

		public void stop(DelegateExecution execution, String office) {
			this.stopped.add(office);
		}

	}

	/**
	 * Stands in for the {@code exchange} bean: which offices another installation serves,
	 * and a record of what was sent.
	 */
	public static final class ExchangeStandIn {

		final java.util.Set<String> servedByPeer = new java.util.HashSet<>();

		final List<String> actions = new java.util.ArrayList<>();

		public boolean servedByPeer(String office) {
			return this.servedByPeer.contains(office);
		}

		public void send(DelegateExecution execution, String office) {
			this.actions.add("send " + office);
		}

		public void forwardReply(DelegateExecution execution, String office) {
			this.actions.add("forwardReply " + office);
		}

		public void giveBack(DelegateExecution execution) {
			this.actions.add("giveBack");
		}

	}

	/**
	 * Stands in for the {@code documentRequests} bean: fixed dates for the reminder and
	 * the due date, a record of what was called.
	 */
	public static final class DocumentsStandIn {

		static final Instant REMIND = MONDAY_MORNING.plus(java.time.Duration.ofDays(3));

		static final Instant DUE = MONDAY_MORNING.plus(java.time.Duration.ofDays(5));

		final List<String> actions = new java.util.ArrayList<>();

		public void open(DelegateExecution execution, String office) {
			this.actions.add("open " + office);
		}

		public Date reminderAt(DelegateExecution execution, String office) {
			return Date.from(REMIND);
		}

		public Date dueAt(DelegateExecution execution, String office) {
			return Date.from(DUE);
		}

		public void remind(DelegateExecution execution, String office) {
			this.actions.add("remind " + office);
		}

		public void expire(DelegateExecution execution, String office) {
			this.actions.add("expire " + office);
			execution.setVariable("documentsOutcome", "NO_REPLY");
		}

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
