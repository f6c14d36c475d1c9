package org.sportello.knowledge;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.sportello.security.Roles;

import org.springframework.stereotype.Component;

/**
 * Keeps each article's run of {@code processes/kb-article.bpmn} in step with the article:
 * sent for review or published → a run (business key: the article's id) with the review
 * task or the next periodic review; withdrawn, taken back as a draft or sent again → the
 * running one ends (message {@value #SUPERSEDED}). In the caller's transaction, which the
 * engine shares: an article and its process never disagree.
 */
@Component
class ArticleWorkflow {

	static final String PROCESS = "kb-article";

	static final String SUPERSEDED = "kbArticleSuperseded";

	private final RuntimeService runtime;

	ArticleWorkflow(RuntimeService runtime) {
		this.runtime = runtime;
	}

	/** An editor (or an import) changed the article's status. */
	void follow(Article article) {
		this.runtime.createMessageCorrelation(SUPERSEDED).processInstanceBusinessKey(article.id()).correlateAll();
		if (article.status() == ArticleStatus.IN_REVIEW || article.status() == ArticleStatus.PUBLISHED) {
			this.runtime.startProcessInstanceByKey(PROCESS, article.id(), variables(article, false));
		}
	}

	/**
	 * What the process and its form need: the article's texts (never personal data:
	 * proposals from cases are stripped of it), its owner's reviewers, whether it is
	 * already published (imports, periodic reviews).
	 */
	static Map<String, Object> variables(Article article, boolean periodic) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("articleId", article.id());
		variables.put("administrationCode", article.administrationCode());
		variables.put("reviewers", Roles.reviewersOf(article.administrationCode()));
		variables.put("articleStatus", article.status().name());
		variables.put("articleQuestion", article.question());
		variables.put("articleAnswer", article.answer());
		variables.put("subject", article.question());
		variables.put("periodic", periodic);
		return variables;
	}

}
