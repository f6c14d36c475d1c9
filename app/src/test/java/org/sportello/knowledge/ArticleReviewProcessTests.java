package org.sportello.knowledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sportello.support.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * Walks every path of {@code processes/kb-article.bpmn} on a plain in-memory engine; the
 * coverage extension fails the class below 100 % of flow nodes. The "kbReview" steps are
 * a stand-in that records what the process asked (the real steps are tested with the
 * application in KnowledgeReviewBrowserTests).
 */
@Deployment(resources = { "processes/kb-article.bpmn", "forms/kb-review.form" })
class ArticleReviewProcessTests {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessEngineCoverageExtension.builder()
		.configurationResource("process-tests.camunda.cfg.xml")
		.assertClassCoverageAtLeast(1.0)
		.build();

	private static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T08:00:00Z");

	/** What the stand-in schedules: the periodic review a year on, 09:00 in Rome. */
	private static final Instant REVIEW_AT = Instant.parse("2027-11-23T08:00:00Z");

	private final Steps steps = new Steps();

	@BeforeEach
	void useThisEngine() {
		init(engine.getProcessEngine());
		TestClock.set(MONDAY_MORNING);
		Mocks.register("kbReview", this.steps);
	}

	@AfterEach
	void resetMocksAndClock() {
		Mocks.reset();
		TestClock.reset();
	}

	@Test
	void aDraftIsPublishedByAReviewerOfItsAdministrationAndReviewedAgainWhenDue() {
		ProcessInstance article = start("IN_REVIEW");

		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(article).isWaitingAt("reviewArticle");
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(task(article))
			.hasCandidateGroup("kb-review-inps")
			.isNotAssigned();
		claim(task(article), "revisione-inps");
		complete(task(article),
				withVariables("reviewOutcome", "PUBLISH", "articleQuestion", "Come chiedo la pensione?"));

		assertThat(this.steps.calls).containsExactly("publish by revisione-inps", "schedule");
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(article)
			.hasPassedInOrder("reviewArticle", "publishArticle", "scheduleReview")
			.isWaitingAt("waitForReview");
		Job timer = managementService().createJobQuery().timers().singleResult();
		assertThat(timer.getDuedate()).isEqualTo(Date.from(REVIEW_AT));

		// a year on: the reviewers get the article again, marked as a periodic review
		TestClock.set(REVIEW_AT);
		managementService().executeJob(timer.getId());
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(article)
			.hasPassed("reopenReview")
			.isWaitingAt("reviewArticle")
			.variables()
			.containsEntry("periodic", true);
		claim(task(article), "revisione-inps");
		complete(task(article), withVariables("reviewOutcome", "SEND_BACK", "reviewNote", "La circolare è cambiata"));

		assertThat(this.steps.calls).endsWith("reopen", "return by revisione-inps");
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(article)
			.isEnded()
			.hasPassed("returnToDraft", "returnedToEditors");
		assertThat(managementService().createJobQuery().count()).isZero();
	}

	@Test
	void aReviewerSendsANewDraftBackToTheEditors() {
		ProcessInstance article = start("IN_REVIEW");
		claim(task(article), "revisione-inps");
		complete(task(article), withVariables("reviewOutcome", "SEND_BACK", "reviewNote", "Manca la scadenza"));

		assertThat(this.steps.calls).containsExactly("return by revisione-inps");
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(article)
			.isEnded()
			.hasNotPassed("publishArticle");
	}

	@Test
	void anImportedPublishedArticleWaitsForItsReviewUntilItIsSuperseded() {
		ProcessInstance article = start("PUBLISHED");

		assertThat(this.steps.calls).containsExactly("schedule");
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(article)
			.hasNotPassed("reviewArticle")
			.isWaitingAt("waitForReview");

		supersede(article);

		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(article)
			.isEnded()
			.hasPassed("articleSuperseded");
		assertThat(managementService().createJobQuery().count()).as("the timer went with it").isZero();
	}

	@Test
	void anArticleChangedWhileInReviewEndsThatReview() {
		ProcessInstance article = start("IN_REVIEW");

		supersede(article);

		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(article)
			.isEnded()
			.hasPassed("supersededInReview", "reviewAbandoned");
		assertThat(this.steps.calls).isEmpty();
	}

	@Test
	void theNextReviewIsAYearOnOrAMonthBeforeTheValidityEndsNeverInThePast() {
		LocalDate today = LocalDate.of(2026, 11, 23);

		assertThat(ArticleReviewSteps.nextReview(today, null)).isEqualTo(LocalDate.of(2027, 11, 23));
		assertThat(ArticleReviewSteps.nextReview(today, LocalDate.of(2027, 3, 31))).isEqualTo(LocalDate.of(2027, 3, 1));
		assertThat(ArticleReviewSteps.nextReview(today, LocalDate.of(2029, 1, 1)))
			.isEqualTo(LocalDate.of(2027, 11, 23));
		assertThat(ArticleReviewSteps.nextReview(today, LocalDate.of(2026, 12, 10)))
			.as("validity ends within the month: review tomorrow")
			.isEqualTo(LocalDate.of(2026, 11, 24));
	}

	private static ProcessInstance start(String status) {
		Map<String, Object> variables = new java.util.HashMap<>();
		variables.put("articleId", "a-1");
		variables.put("administrationCode", "INPS");
		variables.put("reviewers", "kb-review-inps");
		variables.put("articleStatus", status);
		variables.put("articleQuestion", "Come chiedo la pensione di vecchiaia?");
		variables.put("articleAnswer", "Online sul sito INPS con SPID, o tramite patronato.");
		variables.put("subject", "Come chiedo la pensione di vecchiaia?");
		variables.put("periodic", false);
		return runtimeService().startProcessInstanceByKey("kb-article", "a-1", variables);
	}

	private static void supersede(ProcessInstance article) {
		runtimeService().createMessageCorrelation(ArticleWorkflow.SUPERSEDED)
			.processInstanceBusinessKey(article.getBusinessKey())
			.correlateAll();
	}

	/** Records the steps the process asks for, as "kbReview" does in the application. */
	public static class Steps {

		final List<String> calls = new ArrayList<>();

		public void publish(DelegateExecution execution) {
			this.calls.add("publish by " + execution.getVariable("reviewedBy"));
		}

		public void returnToDraft(DelegateExecution execution) {
			this.calls.add("return by " + execution.getVariable("reviewedBy"));
		}

		public void scheduleReview(DelegateExecution execution) {
			this.calls.add("schedule");
			execution.setVariable("reviewAt", Date.from(REVIEW_AT));
		}

		public void reopen(DelegateExecution execution) {
			this.calls.add("reopen");
			execution.setVariable("periodic", true);
		}

	}

}
