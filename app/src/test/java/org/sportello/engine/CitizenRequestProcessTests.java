package org.sportello.engine;

import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

/**
 * Walks every path of {@code processes/citizen-request.bpmn} on a plain in-memory engine;
 * the coverage extension fails the class below 100 % of flow nodes and writes its report
 * under target/process-test-coverage.
 */
@Deployment(resources = { "processes/citizen-request.bpmn", "forms/triage.form" })
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
	}

	@Test
	void frontOfficeClosesTheRequest() {
		var instance = runtimeService().startProcessInstanceByKey("citizenRequest", "SPT-TEST-0001");

		assertThat(instance).isWaitingAt("frontOfficeTriage");
		assertThat(task()).hasCandidateGroup("fo");
		complete(task());

		assertThat(instance).isEnded().hasPassedInOrder("requestReceived", "frontOfficeTriage", "requestClosed");
	}

}
