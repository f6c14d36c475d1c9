package org.sportello.knowledge;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import org.springframework.stereotype.Component;

/**
 * The service steps of {@code processes/kb-article.bpmn}, called by name from the model
 * ({@code ${kbReview.publish(execution)}} ...), so that designers can move them.
 */
@Component("kbReview")
public class ArticleReviewSteps {

	private static final ZoneId ROME = ZoneId.of("Europe/Rome");

	/** Reviews open at this hour, Rome time, on their day. */
	private static final int REVIEW_HOUR = 9;

	/** How long before its validity ends an article is reviewed. */
	private static final int DAYS_BEFORE_EXPIRY = 30;

	private final KnowledgeBase knowledge;

	private final Clock clock;

	ArticleReviewSteps(KnowledgeBase knowledge, Clock clock) {
		this.knowledge = knowledge;
		this.clock = clock;
	}

	/**
	 * The reviewer approved: the texts as they left the form are published, the note kept
	 * for the editors.
	 */
	public void publish(DelegateExecution execution) {
		decided(execution, ArticleStatus.PUBLISHED);
	}

	/** The reviewer sent it back: a draft again (off the search) with their note. */
	public void returnToDraft(DelegateExecution execution) {
		decided(execution, ArticleStatus.DRAFT);
	}

	private void decided(DelegateExecution execution, ArticleStatus status) {
		String reviewer = text(execution, "reviewedBy");
		this.knowledge.reviewed(text(execution, "articleId"), status, text(execution, "articleQuestion"),
				text(execution, "articleAnswer"), text(execution, "reviewNote"),
				(reviewer != null) ? reviewer : "review");
	}

	/**
	 * When the published article is looked at again: a year on, or 30 days before its
	 * validity ends if that comes first; tomorrow if that day is already past. Sets
	 * {@code reviewAt} for the model's timer.
	 */
	public void scheduleReview(DelegateExecution execution) {
		String id = text(execution, "articleId");
		LocalDate today = LocalDate.now(this.clock.withZone(ROME));
		LocalDate validUntil = this.knowledge.byId(id).map(Article::validUntil).orElse(null);
		LocalDate on = nextReview(today, validUntil);
		this.knowledge.reviewDue(id, on);
		execution.setVariable("reviewAt", Date.from(on.atTime(REVIEW_HOUR, 0).atZone(ROME).toInstant()));
	}

	static LocalDate nextReview(LocalDate today, LocalDate validUntil) {
		LocalDate on = today.plusYears(1);
		if (validUntil != null && validUntil.minusDays(DAYS_BEFORE_EXPIRY).isBefore(on)) {
			on = validUntil.minusDays(DAYS_BEFORE_EXPIRY);
		}
		return on.isAfter(today) ? on : today.plusDays(1);
	}

	/** The periodic review is due: the form gets the article as it is now. */
	public void reopen(DelegateExecution execution) {
		this.knowledge.byId(text(execution, "articleId"))
			.ifPresent((article) -> execution.setVariables(ArticleWorkflow.variables(article, true)));
		execution.removeVariable("reviewOutcome");
		execution.removeVariable("reviewNote");
	}

	private static String text(DelegateExecution execution, String name) {
		Object value = execution.getVariable(name);
		return (value != null) ? value.toString() : null;
	}

}
