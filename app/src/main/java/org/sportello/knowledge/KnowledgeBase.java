package org.sportello.knowledge;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sportello.cases.FreeText;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The network's shared knowledge base: every administration keeps the questions and
 * answers of its remit; every office searches all published ones, citizens the public
 * ones on {@code /faq}. Every saved version is kept. The search index is rebuilt from the
 * database at start and at the first search after a change, made on this node or on
 * another (checked every 30 s), so each node's index follows the database.
 */
@Service
public class KnowledgeBase {

	private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);

	/** How many suggestions the front office sees while typing. */
	public static final int SUGGESTIONS = 5;

	private final ArticleMapper mapper;

	private final Clock clock;

	private final org.sportello.directory.Directory directory;

	private final ArticleIndex index = new ArticleIndex();

	private volatile ArticleMapper.Generation indexed;

	/** Articles changed since the index was built (here, or on another node). */
	private volatile boolean stale = true;

	private final ArticleWorkflow workflow;

	private final SearchGaps gaps;

	private final org.springframework.context.ApplicationEventPublisher events;

	KnowledgeBase(ArticleMapper mapper, Clock clock, org.sportello.directory.Directory directory,
			ArticleWorkflow workflow, SearchGaps gaps, org.springframework.context.ApplicationEventPublisher events) {
		this.mapper = mapper;
		this.workflow = workflow;
		this.gaps = gaps;
		this.events = events;
		this.clock = clock;
		this.directory = directory;
	}

	/**
	 * The administrations whose articles the user keeps (edits, sends for review,
	 * exchanges): every one for administrators, their offices' for supervisors, editors
	 * and reviewers, none for others.
	 */
	public java.util.Set<String> keptBy(String userId) {
		org.sportello.directory.Directory.Membership membership = this.directory.membershipOf(userId);
		if (membership.roles().contains(org.sportello.security.Roles.ADMIN)) {
			return this.directory.administrations()
				.stream()
				.map(org.sportello.directory.Administration::code)
				.collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
		}
		if (membership.roles()
			.stream()
			.anyMatch(java.util.Set.of(org.sportello.security.Roles.SUPERVISOR, org.sportello.security.Roles.KB_EDITOR,
					org.sportello.security.Roles.KB_REVIEWER)::contains)) {
			return membership.offices()
				.stream()
				.map(org.sportello.directory.Office::administrationCode)
				.collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
		}
		return java.util.Set.of();
	}

	/** Every article (any status) of these administrations. */
	public List<Article> articlesOf(java.util.Set<String> administrations) {
		return this.mapper.all()
			.stream()
			.filter((article) -> administrations.contains(article.administrationCode()))
			.toList();
	}

	/** The name of the administration that owns an article. */
	public String ownerName(Article article) {
		return administrationName(article.administrationCode());
	}

	public String administrationName(String code) {
		return this.directory.administrationName(code);
	}

	/** What an editor writes; null id: a new article. */
	public record Draft(String id, String slug, String administrationCode, String topicCode, Article.Audience audience,
			String language, String question, String answer, String tags, String legalBasis, LocalDate validFrom,
			LocalDate validUntil) {
	}

	/** A match of a search, with a snippet of its answer (HTML, words marked). */
	public record Found(Article article, String snippet) {
	}

	/**
	 * Saves a new version of the article with the given status (a new article starts at
	 * version 1); the previous versions stay in {@code spt_kb_article_version}. In review
	 * → its reviewers get a task; published (imports) → its periodic review is scheduled;
	 * any other change ends the article's running review ({@link ArticleWorkflow}).
	 */
	@Transactional
	public Article save(Draft draft, ArticleStatus status, String author) {
		Article article = store(draft, status, author);
		this.workflow.follow(article);
		return article;
	}

	/**
	 * The review process decided: a new version with the reviewer's texts and status,
	 * their note kept for the editors.
	 */
	@Transactional
	public void reviewed(String id, ArticleStatus status, String question, String answer, String note,
			String reviewer) {
		Article current = this.mapper.byId(id).orElseThrow(() -> new ArticleRefusedException("id"));
		store(new Draft(current.id(), current.slug(), current.administrationCode(), current.topicCode(),
				current.audience(), current.language(), (question != null) ? question : current.question(),
				(answer != null) ? answer : current.answer(), current.tags(), current.legalBasis(), current.validFrom(),
				current.validUntil()), status, reviewer);
		this.mapper.updateReviewNote(id, FreeText.normalizeToNull(note));
	}

	/** The day the published article is next reviewed. */
	@Transactional
	public void reviewDue(String id, LocalDate on) {
		this.mapper.updateNextReview(id, on);
	}

	/** The reviewers' last note and the next periodic review of an article. */
	public ArticleReview reviewOf(String id) {
		return this.mapper.review(id).orElse(new ArticleReview(null, null));
	}

	private Article store(Draft draft, ArticleStatus status, String author) {
		String question = FreeText.normalize(draft.question());
		String answer = FreeText.normalize(draft.answer());
		if (!FreeText.fits(question, 5, 500)) {
			throw new ArticleRefusedException("question");
		}
		if (!FreeText.fits(answer, 5, 4000)) {
			throw new ArticleRefusedException("answer");
		}
		if (draft.administrationCode() == null || draft.audience() == null) {
			throw new ArticleRefusedException((draft.administrationCode() == null) ? "administrationCode" : "audience");
		}
		String language = "en".equals(draft.language()) ? "en" : "it";
		Optional<Article> existing = (draft.id() != null) ? this.mapper.byId(draft.id()) : Optional.empty();
		String id = existing.map(Article::id).orElseGet(() -> UUID.randomUUID().toString());
		String slug = existing.map(Article::slug).orElseGet(() -> slugFor(draft.slug(), question));
		int version = existing.map((article) -> article.version() + 1).orElse(1);
		Article article = new Article(id, slug, draft.administrationCode(), draft.topicCode(), draft.audience(),
				language, status, question, answer, FreeText.normalizeToNull(draft.tags()),
				FreeText.normalizeToNull(draft.legalBasis()), draft.validFrom(), draft.validUntil(), version, author,
				this.clock.instant());
		if (existing.isEmpty()) {
			this.mapper.insert(article);
		}
		else if (this.mapper.update(article) == 0) {
			throw new ArticleRefusedException("version");
		}
		this.mapper.insertVersion(article);
		reindexAfterCommit();
		return article;
	}

	/**
	 * A back office proposes an answer it gave as an article: sent to the reviewers of
	 * its administration (operators only until they decide), the question to be written
	 * by them from the topic, the answer without the citizen's personal data
	 * ({@link #withoutPersonalData}).
	 */
	@Transactional
	public Article propose(String administration, String topicCode, String topicLabel, String answer,
			List<String> personalWords, String author) {
		return save(new Draft(null, null, administration, topicCode, Article.Audience.OPERATORS, "it",
				topicLabel + ": domanda da scrivere", withoutPersonalData(answer, personalWords), null, null, null,
				null), ArticleStatus.IN_REVIEW, author);
	}

	/**
	 * The text with the citizen's name words, email addresses, phone numbers (six digits
	 * or more, with spaces or dashes) and tracking codes replaced by "…".
	 */
	static String withoutPersonalData(String text, List<String> personalWords) {
		String result = (text != null) ? text : "";
		result = result.replaceAll("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+", "…");
		result = result.replaceAll("(?i)\\bSPT-[A-Z0-9]{4}-[A-Z0-9]{4}\\b", "…");
		result = result.replaceAll("\\+?\\d[\\d \\-/]{4,}\\d", "…");
		for (String word : personalWords) {
			if (word != null && word.strip().length() >= 2) {
				result = result.replaceAll(
						"(?iu)(?<![\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(word.strip()) + "(?![\\p{L}\\p{N}])",
						"…");
			}
		}
		return result;
	}

	/** A new version with another status, the texts unchanged. */
	@Transactional
	public Article move(String id, ArticleStatus status, String author) {
		Article current = this.mapper.byId(id).orElseThrow(() -> new ArticleRefusedException("id"));
		return save(new Draft(current.id(), current.slug(), current.administrationCode(), current.topicCode(),
				current.audience(), current.language(), current.question(), current.answer(), current.tags(),
				current.legalBasis(), current.validFrom(), current.validUntil()), status, author);
	}

	public Optional<Article> byId(String id) {
		return this.mapper.byId(id);
	}

	public Optional<Article> bySlug(String slug) {
		return this.mapper.bySlug(slug);
	}

	public int versions(String id) {
		return this.mapper.versions(id);
	}

	/** A published public article by its address, for citizens. */
	public Optional<Article> publicArticle(String slug) {
		return this.mapper.bySlug(slug)
			.filter((article) -> article.status() == ArticleStatus.PUBLISHED && article.isPublic());
	}

	/** What the front office sees while typing a citizen's request: the best five. */
	public List<Found> suggestions(String text) {
		return search(text, ArticleIndex.Filter.OPERATORS, SUGGESTIONS);
	}

	/**
	 * Citizens' search on /faq: public articles only. A search that finds nothing is kept
	 * (without personal data) as a gap for the editors, with the language the citizen
	 * reads.
	 */
	public List<Found> publicSearch(String text, String topic, int limit, String language) {
		List<Found> found = search(text, new ArticleIndex.Filter(true, topic, null), limit);
		if (found.isEmpty()) {
			this.gaps.nothingFound(text, language);
		}
		return found;
	}

	/**
	 * Public articles that may answer what a citizen is writing on the web form, before
	 * it is sent. Nothing is recorded: the text may hold personal data.
	 */
	public List<Found> publicSuggestions(String text, String topic, int limit) {
		return search(text, new ArticleIndex.Filter(true, topic, null), limit);
	}

	private List<Found> search(String text, ArticleIndex.Filter filter, int limit) {
		freshIndex();
		return this.index.search(text, filter, limit)
			.stream()
			.map((hit) -> new Found(this.index.article(hit.id()), hit.snippet()))
			.toList();
	}

	/** The citizen found none of the answers useful: a gap too. */
	public void noUsefulAnswer(String text, String language) {
		this.gaps.nothingFound(text, language);
	}

	/** Published public articles of a topic (or all), by question, for browsing. */
	public List<Article> publicArticles(String topic) {
		return this.mapper.published()
			.stream()
			.filter(Article::isPublic)
			.filter((article) -> topic == null || topic.equals(article.topicCode()))
			.sorted(java.util.Comparator.comparing(Article::question, java.text.Collator.getInstance(Locale.ITALIAN)))
			.toList();
	}

	/** The front office closed this case with the article's answer. */
	@Transactional
	public void usedFor(String caseId, String articleId) {
		this.mapper.insertCaseArticle(caseId, articleId, this.clock.instant());
		this.events.publishEvent(new ArticleUsed(caseId, articleId));
	}

	/** "Was it useful?" (citizens) or "not helpful" (operators), kept without names. */
	@Transactional
	public void feedback(String articleId, boolean helpful, String source, String reason) {
		this.mapper.insertFeedback(UUID.randomUUID().toString(), articleId, helpful, source,
				FreeText.normalizeToNull(reason), this.clock.instant());
	}

	/**
	 * Builds the index once the application is up, beside the start rather than in it
	 * (half a second of every start-up, issue #19); a search arriving first waits for it.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void buildIndexInTheBackground() {
		Thread builder = new Thread(this::freshIndex, "kb-index");
		builder.setDaemon(true);
		builder.start();
	}

	public void buildIndex() {
		ArticleMapper.Generation generation = this.mapper.generation();
		this.index.rebuild(this.mapper.published());
		this.indexed = generation;
		this.stale = false;
		log.info("Knowledge base index built: {} published articles", this.index.size());
	}

	/** Another node may have changed articles: follow the database. */
	@Scheduled(fixedDelayString = "${sportello.knowledge.refresh-ms:30000}", initialDelay = 30000)
	public void followDatabase() {
		if (this.indexed != null && !this.mapper.generation().equals(this.indexed)) {
			this.stale = true;
		}
	}

	/**
	 * Rebuilds the index if articles changed since it was built: once at the next search,
	 * however many articles an import or the demo data saved one after the other.
	 */
	private synchronized void freshIndex() {
		if (this.stale) {
			buildIndex();
		}
	}

	private void reindexAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					KnowledgeBase.this.stale = true;
				}
			});
		}
		else {
			this.stale = true;
		}
	}

	/** A readable, stable address: the question's words, lower case, without accents. */
	static String slugFor(String wanted, String question) {
		String source = (wanted != null && !wanted.isBlank()) ? wanted : question;
		String plain = Normalizer.normalize(source, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("(^-+|-+$)", "");
		if (plain.length() > 80) {
			plain = plain.substring(0, 80).replaceAll("-+$", "");
		}
		return (plain.isEmpty() ? "articolo" : plain)
				+ ((wanted != null && !wanted.isBlank()) ? "" : "-" + UUID.randomUUID().toString().substring(0, 6));
	}

}
