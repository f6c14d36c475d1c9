package org.sportello.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.springframework.stereotype.Service;

/**
 * Keeps an administration's articles in step with its own knowledge base: export as JSON
 * or CSV, import of the same shapes. Each row is checked on its own: good rows are saved
 * (a known slug updates its article, an identical row changes nothing), refused rows are
 * reported with their number, field and reason, and nothing of them is saved.
 */
@Service
public class ArticleTransfer {

	/**
	 * What an import did; {@code refused} rows are numbered from 1 (CSV: after the
	 * header).
	 */
	public record Outcome(int created, int updated, int unchanged, List<Refused> refused) {
	}

	public record Refused(int row, String slug, String field, String reason) {
	}

	private static final CsvMapper CSV = new CsvMapper();

	private static final CsvSchema SCHEMA = CSV.schemaFor(ArticleRow.class).withHeader();

	private final KnowledgeBase knowledge;

	private final ArticleMapper mapper;

	private final org.sportello.cases.Cases cases;

	ArticleTransfer(KnowledgeBase knowledge, ArticleMapper mapper, org.sportello.cases.Cases cases) {
		this.knowledge = knowledge;
		this.mapper = mapper;
		this.cases = cases;
	}

	/** Every article of these administrations (any status), by slug. */
	public List<ArticleRow> export(Set<String> administrations) {
		return this.knowledge.articlesOf(administrations).stream().map(ArticleRow::of).toList();
	}

	public String csv(List<ArticleRow> rows) {
		try {
			return CSV.writer(SCHEMA).writeValueAsString(rows);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The rows of a CSV file with the export's header; a malformed file is refused whole.
	 */
	public List<ArticleRow> readCsv(String text) {
		try (MappingIterator<ArticleRow> rows = CSV.readerFor(ArticleRow.class).with(SCHEMA).readValues(text)) {
			return rows.readAll();
		}
		catch (IOException | RuntimeException ex) {
			throw new ArticleRefusedException("file");
		}
	}

	/**
	 * Imports the rows for administrations the user may keep ({@code allowed}); each row
	 * in its own transaction, so a refused row loses nothing of the others.
	 */
	public Outcome importRows(List<ArticleRow> rows, Set<String> allowed, String author) {
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		List<Refused> refused = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			ArticleRow row = rows.get(i);
			String slug = (row != null) ? row.slug() : null;
			try {
				KnowledgeBase.Draft draft = draft(row, allowed);
				ArticleStatus status = status(row.status());
				Optional<Article> existing = this.mapper.bySlug(draft.slug());
				if (existing.isPresent() && !allowed.contains(existing.get().administrationCode())) {
					throw new RowRefused("slug", "belongs to another administration");
				}
				if (existing.isPresent() && same(existing.get(), draft, status)) {
					unchanged++;
					continue;
				}
				this.knowledge.save(existing.map((article) -> withId(draft, article.id())).orElse(draft), status,
						author);
				if (existing.isPresent()) {
					updated++;
				}
				else {
					created++;
				}
			}
			catch (RowRefused ex) {
				refused.add(new Refused(i + 1, slug, ex.field, ex.reason));
			}
			catch (ArticleRefusedException ex) {
				refused.add(new Refused(i + 1, slug, ex.field(), "missing or too long"));
			}
		}
		return new Outcome(created, updated, unchanged, refused);
	}

	private KnowledgeBase.Draft draft(ArticleRow row, Set<String> allowed) {
		if (row == null) {
			throw new RowRefused("row", "empty");
		}
		String slug = (row.slug() != null) ? row.slug().strip().toLowerCase(Locale.ROOT) : "";
		if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*") || slug.length() > 120) {
			throw new RowRefused("slug", "lower-case letters, digits and hyphens, at most 120");
		}
		if (row.administration() == null || !allowed.contains(row.administration())) {
			throw new RowRefused("administration", "not an administration you keep articles for");
		}
		Article.Audience audience;
		try {
			audience = Article.Audience
				.valueOf((row.audience() != null && !row.audience().isBlank()) ? row.audience().strip() : "OPERATORS");
		}
		catch (IllegalArgumentException ex) {
			throw new RowRefused("audience", "PUBLIC or OPERATORS");
		}
		String language = (row.language() == null || row.language().isBlank()) ? "it" : row.language().strip();
		if (!language.equals("it") && !language.equals("en")) {
			throw new RowRefused("language", "it or en");
		}
		String topic = blankToNull(row.topic());
		if (topic != null && this.cases.topics().stream().noneMatch((known) -> known.code().equals(topic))) {
			throw new RowRefused("topic", "not a topic of the shared catalogue (GET /api/topics)");
		}
		return new KnowledgeBase.Draft(null, slug, row.administration(), topic, audience, language, row.question(),
				row.answer(), row.tags(), row.legalBasis(), date(row.validFrom(), "validFrom"),
				date(row.validUntil(), "validUntil"));
	}

	private static ArticleStatus status(String status) {
		try {
			return (status == null || status.isBlank()) ? ArticleStatus.DRAFT : ArticleStatus.valueOf(status.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new RowRefused("status", "DRAFT, IN_REVIEW, PUBLISHED or WITHDRAWN");
		}
	}

	private static LocalDate date(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new RowRefused(field, "a date such as 2026-12-31");
		}
	}

	private static boolean same(Article article, KnowledgeBase.Draft draft, ArticleStatus status) {
		return ArticleRow.of(article)
			.equals(ArticleRow.of(new Article(article.id(), draft.slug(), draft.administrationCode(), draft.topicCode(),
					draft.audience(), draft.language(), status,
					org.sportello.cases.FreeText.normalize(draft.question()),
					org.sportello.cases.FreeText.normalize(draft.answer()),
					org.sportello.cases.FreeText.normalizeToNull(draft.tags()),
					org.sportello.cases.FreeText.normalizeToNull(draft.legalBasis()), draft.validFrom(),
					draft.validUntil(), 0, null, null)));
	}

	private static KnowledgeBase.Draft withId(KnowledgeBase.Draft draft, String id) {
		return new KnowledgeBase.Draft(id, draft.slug(), draft.administrationCode(), draft.topicCode(),
				draft.audience(), draft.language(), draft.question(), draft.answer(), draft.tags(), draft.legalBasis(),
				draft.validFrom(), draft.validUntil());
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static final class RowRefused extends RuntimeException {

		private final String field;

		private final String reason;

		RowRefused(String field, String reason) {
			super(field + ": " + reason, null, false, false);
			this.field = field;
			this.reason = reason;
		}

	}

}
