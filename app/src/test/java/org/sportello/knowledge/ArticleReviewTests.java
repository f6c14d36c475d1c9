package org.sportello.knowledge;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.sportello.security.Roles;
import org.sportello.support.H2ApplicationTest;
import org.sportello.tasklist.Inbox;
import org.sportello.tasklist.InboxFilter;
import org.sportello.tasklist.InboxItem;
import org.sportello.tasklist.InboxSort;
import org.sportello.tasklist.InboxTab;
import org.sportello.tasklist.TaskActions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review loop with the application's own engine, tasklist and knowledge base: an
 * article sent for review reaches only its administration's reviewers, in the same inbox
 * as their cases; their decision publishes it (with their corrections) or sends it back
 * with their note; withdrawing it ends its review.
 */
@H2ApplicationTest
class ArticleReviewTests {

	@Autowired
	KnowledgeBase knowledge;

	@Autowired
	Inbox inbox;

	@Autowired
	TaskActions tasks;

	@Autowired
	IdentityService identity;

	@Autowired
	RuntimeService runtime;

	@Test
	void anArticleSentForReviewIsPublishedByAReviewerOfItsAdministration() {
		String reviewer = reviewer("rev-inps-1", "inps-bo");
		String other = reviewer("rev-comune-1", "comune-aq-bo");
		Article sent = this.knowledge.save(draft("Quando arriva il primo rateo della pensione di vecchiaia?"),
				ArticleStatus.IN_REVIEW, "editor-inps");

		InboxItem review = reviewOf(sent, reviewer);
		assertThat(review.trackingCode()).isNull();
		assertThat(review.subject()).isEqualTo(sent.question());
		assertThat(itemsOf(other)).extracting(InboxItem::subject).doesNotContain(sent.question());
		assertThat(this.knowledge.suggestions("primo rateo pensione vecchiaia"))
			.extracting((found) -> found.article().id())
			.doesNotContain(sent.id());

		this.tasks.complete(review.taskId(), reviewer,
				Map.of("articleQuestion", "Quando arriva il primo rateo della pensione di vecchiaia INPS?",
						"articleAnswer", sent.answer(), "reviewOutcome", "PUBLISH", "reviewNote", "Titolo precisato"));

		Article published = this.knowledge.byId(sent.id()).orElseThrow();
		assertThat(published.status()).isEqualTo(ArticleStatus.PUBLISHED);
		assertThat(published.question()).endsWith("INPS?");
		assertThat(published.updatedBy()).isEqualTo(reviewer);
		assertThat(this.knowledge.reviewOf(sent.id()).note()).isEqualTo("Titolo precisato");
		assertThat(this.knowledge.reviewOf(sent.id()).nextReview()).isNotNull();
		assertThat(this.knowledge.suggestions("primo rateo pensione vecchiaia"))
			.extracting((found) -> found.article().id())
			.contains(sent.id());
		assertThat(running(sent)).as("waits for its periodic review").isOne();

		this.knowledge.move(sent.id(), ArticleStatus.WITHDRAWN, "editor-inps");
		assertThat(running(sent)).as("a withdrawn article is not reviewed again").isZero();
	}

	@Test
	void aReviewerSendsAnArticleBackWithANoteForTheEditors() {
		String reviewer = reviewer("rev-inps-2", "inps-bo");
		Article sent = this.knowledge.save(draft("Posso chiedere la pensione anticipata con 41 anni di contributi?"),
				ArticleStatus.IN_REVIEW, "editor-inps");

		this.tasks.complete(reviewOf(sent, reviewer).taskId(), reviewer, Map.of("articleQuestion", sent.question(),
				"articleAnswer", sent.answer(), "reviewOutcome", "SEND_BACK", "reviewNote", "Citare la legge"));

		assertThat(this.knowledge.byId(sent.id()).orElseThrow().status()).isEqualTo(ArticleStatus.DRAFT);
		assertThat(this.knowledge.reviewOf(sent.id()).note()).isEqualTo("Citare la legge");
		assertThat(running(sent)).isZero();
	}

	@Test
	void sendingAnArticleAgainReplacesItsOpenReview() {
		String reviewer = reviewer("rev-inps-3", "inps-bo");
		Article sent = this.knowledge.save(draft("Come si calcola la quattordicesima sulla pensione?"),
				ArticleStatus.IN_REVIEW, "editor-inps");
		String first = reviewOf(sent, reviewer).taskId();

		this.knowledge.save(draft(sent.id(), sent.question()), ArticleStatus.IN_REVIEW, "editor-inps");

		assertThat(running(sent)).isOne();
		assertThat(reviewOf(sent, reviewer).taskId()).isNotEqualTo(first);
	}

	private long running(Article article) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(ArticleWorkflow.PROCESS)
			.processInstanceBusinessKey(article.id())
			.count();
	}

	private InboxItem reviewOf(Article article, String reviewer) {
		return itemsOf(reviewer).stream()
			.filter((item) -> article.question().equals(item.subject()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no review task for " + reviewer));
	}

	private List<InboxItem> itemsOf(String user) {
		return this.inbox.page(InboxTab.OFFICES, user, InboxFilter.none(), InboxSort.NEWEST, 0, 200);
	}

	private String reviewer(String id, String office) {
		if (this.identity.createUserQuery().userId(id).count() == 0) {
			this.identity.saveUser(this.identity.newUser(id));
			this.identity.createMembership(id, Roles.KB_REVIEWER);
			this.identity.createMembership(id, office);
		}
		return id;
	}

	private static KnowledgeBase.Draft draft(String question) {
		return draft(null, question);
	}

	private static KnowledgeBase.Draft draft(String id, String question) {
		return new KnowledgeBase.Draft(id, null, "INPS", "PENSION", Article.Audience.PUBLIC, "it", question,
				"La domanda si presenta online sul sito INPS con SPID o tramite un patronato.", null, null, null, null);
	}

}
