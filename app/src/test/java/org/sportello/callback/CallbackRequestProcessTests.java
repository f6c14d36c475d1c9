package org.sportello.callback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * Walks every path of {@code processes/callback-request.bpmn} on a plain in-memory
 * engine; the coverage extension fails the class below 100 % of flow nodes. The
 * {@code sla} and {@code callbacks} beans are stand-ins that record what the process
 * asked (the real ones are tested with the application in CallbackRequestsTests).
 */
@Deployment(resources = { "processes/callback-request.bpmn", "forms/callback-attempt.form" })
class CallbackRequestProcessTests {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessEngineCoverageExtension.builder()
		.configurationResource("process-tests.camunda.cfg.xml")
		.assertClassCoverageAtLeast(1.0)
		.build();

	static final Instant DUE = Instant.parse("2027-01-11T10:00:00Z");

	static final Instant NEXT = Instant.parse("2027-01-11T12:00:00Z");

	private final Steps steps = new Steps();

	@BeforeEach
	void standIns() {
		init(engine.getProcessEngine());
		Mocks.register("callbacks", this.steps);
		Mocks.register("sla", new Sla());
	}

	@AfterEach
	void reset() {
		Mocks.reset();
	}

	@Test
	void theFirstCallReachesTheCitizen() {
		ProcessInstance callback = start();
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(task(callback))
			.hasDefinitionKey("callCitizen")
			.hasCandidateGroup("linea-amica-fo")
			.hasDueDate(Date.from(DUE));
		complete(task(callback), withVariables("callbackOutcome", "REACHED", "callbackNote", "Risposto"));
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(callback)
			.hasPassed("citizenReached")
			.isEnded();
		assertThat(this.steps.calls).containsExactly("call REACHED");
	}

	@Test
	void twoCallsFailThenTheThirdReaches() {
		ProcessInstance callback = start();
		complete(task(callback), withVariables("callbackOutcome", "NOT_REACHED"));
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(callback).isWaitingAt("nextAttempt");
		assertThat(job(callback).getDuedate()).isEqualTo(Date.from(NEXT));
		execute(job(callback));
		complete(task(callback), withVariables("callbackOutcome", "NOT_REACHED"));
		execute(job(callback));
		complete(task(callback), withVariables("callbackOutcome", "REACHED"));
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(callback)
			.hasPassed("citizenReached")
			.isEnded();
		assertThat(this.steps.calls).containsExactly("call NOT_REACHED", "call NOT_REACHED", "call REACHED");
	}

	@Test
	void threeFailedCallsEndWithTheSms() {
		ProcessInstance callback = start();
		for (int i = 0; i < 2; i++) {
			complete(task(callback), withVariables("callbackOutcome", "NOT_REACHED"));
			execute(job(callback));
		}
		complete(task(callback), withVariables("callbackOutcome", "NOT_REACHED"));
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(callback)
			.hasPassed("tellCitizen", "citizenNotReached")
			.isEnded();
		assertThat(this.steps.calls).containsExactly("call NOT_REACHED", "call NOT_REACHED", "call NOT_REACHED",
				"give up");
	}

	private ProcessInstance start() {
		return runtimeService().startProcessInstanceByKey("callbackRequest", "CB-1", Map.of("callbackId", "cb-1",
				"frontOfficeGroup", "linea-amica-fo", "subject", "Richiamata richiesta (mattina)"));
	}

	/** Counts failed calls like the real steps. */
	public static class Steps {

		final List<String> calls = new ArrayList<>();

		private int failed;

		public void recordCall(DelegateExecution execution) {
			String outcome = String.valueOf(execution.getVariable("callbackOutcome"));
			this.calls.add("call " + outcome);
			if (!"REACHED".equals(outcome)) {
				this.failed++;
			}
			execution.setVariable("callbackAttempts", this.failed);
		}

		public void giveUp(DelegateExecution execution) {
			this.calls.add("give up");
		}

	}

	/** Fixed dates instead of the calendars. */
	public static class Sla {

		public Date frontOfficeDue(DelegateExecution execution, String group) {
			return Date.from(DUE);
		}

		public Date afterWorkingTime(DelegateExecution execution, String group, String duration) {
			return Date.from(NEXT);
		}

	}

}
