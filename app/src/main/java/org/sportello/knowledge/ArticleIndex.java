package org.sportello.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The published articles in a Lucene index held in memory, built from the database (it is
 * small: 20,000 articles take a few seconds and some megabytes). Italian articles are
 * analysed with {@link ItalianAnalyzer} (elisions such as "dell'", stop words, light
 * stemming: "contributi" and "contributo" meet), English ones with
 * {@link EnglishAnalyzer}; a query is read with both. Question and tags weigh more than
 * the answer; a word of five letters or more also finds words one letter away (typos).
 * Searches run on an immutable snapshot: a rebuild swaps it whole.
 */
final class ArticleIndex {

	/** A match: the article's id and a snippet of its answer with the words marked. */
	record Hit(String id, float score, String snippet) {
	}

	/** Who asks: operators see every published article, citizens the public ones. */
	record Filter(boolean publicOnly, String topic, String administration) {

		static final Filter OPERATORS = new Filter(false, null, null);

		static final Filter CITIZENS = new Filter(true, null, null);

	}

	private static final List<String> LANGUAGES = List.of("it", "en");

	/** Hits scoring under this share of the best one are left out. */
	private static final float RELEVANT_SHARE = 0.25f;

	private final Analyzer analyzer = new PerFieldAnalyzerWrapper(new StandardAnalyzer(),
			Map.of("question_it", italian(), "answer_it", italian(), "tags_it", italian(), "question_en", english(),
					"answer_en", english(), "tags_en", english()));

	private volatile Snapshot snapshot = new Snapshot(null, Map.of());

	private record Snapshot(IndexSearcher searcher, Map<String, Article> articles) {
	}

	private static Analyzer italian() {
		return new ItalianAnalyzer();
	}

	private static Analyzer english() {
		return new EnglishAnalyzer();
	}

	/** Replaces the whole index with these articles. */
	void rebuild(Collection<Article> published) {
		ByteBuffersDirectory directory = new ByteBuffersDirectory();
		Map<String, Article> byId = new java.util.HashMap<>();
		try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(this.analyzer))) {
			for (Article article : published) {
				byId.put(article.id(), article);
				writer.addDocument(document(article));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			this.snapshot = new Snapshot(new IndexSearcher(DirectoryReader.open(directory)), Map.copyOf(byId));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int size() {
		return this.snapshot.articles().size();
	}

	private static Document document(Article article) {
		String language = LANGUAGES.contains(article.language()) ? article.language() : "it";
		Document document = new Document();
		document.add(new StringField("id", article.id(), Field.Store.YES));
		document.add(new StringField("audience", article.audience().name(), Field.Store.NO));
		if (article.topicCode() != null) {
			document.add(new StringField("topic", article.topicCode(), Field.Store.NO));
		}
		document.add(new StringField("administration", article.administrationCode(), Field.Store.NO));
		document.add(new TextField("question_" + language, article.question(), Field.Store.NO));
		document.add(new TextField("answer_" + language, ArticleText.plain(article.answer()), Field.Store.NO));
		if (article.tags() != null) {
			document.add(new TextField("tags_" + language, article.tags(), Field.Store.NO));
		}
		return document;
	}

	/** The best {@code limit} published articles for the words typed, best first. */
	List<Hit> search(String text, Filter filter, int limit) {
		Snapshot current = this.snapshot;
		if (current.searcher() == null || text == null || text.isBlank()) {
			return List.of();
		}
		Query words = query(text);
		if (words == null) {
			return List.of();
		}
		BooleanQuery.Builder query = new BooleanQuery.Builder().add(words, BooleanClause.Occur.MUST);
		if (filter.publicOnly()) {
			query.add(new TermQuery(new Term("audience", Article.Audience.PUBLIC.name())), BooleanClause.Occur.FILTER);
		}
		if (filter.topic() != null) {
			query.add(new TermQuery(new Term("topic", filter.topic())), BooleanClause.Occur.FILTER);
		}
		if (filter.administration() != null) {
			query.add(new TermQuery(new Term("administration", filter.administration())), BooleanClause.Occur.FILTER);
		}
		try {
			List<Hit> hits = new ArrayList<>();
			ScoreDoc[] top = current.searcher().search(query.build(), limit).scoreDocs;
			for (ScoreDoc found : top) {
				// a hit far below the best one matched a common word only ("chiede")
				if (found.score < RELEVANT_SHARE * top[0].score) {
					break;
				}
				String id = current.searcher().storedFields().document(found.doc).get("id");
				Article article = current.articles().get(id);
				hits.add(new Hit(id, found.score, snippet(words, article)));
			}
			return hits;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Article article(String id) {
		return this.snapshot.articles().get(id);
	}

	/**
	 * Each language's words of the text, on that language's fields: question x3, tags x2,
	 * answer x1; words of five letters or more also one edit away, worth less.
	 */
	private Query query(String text) {
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		int clauses = 0;
		for (String language : LANGUAGES) {
			for (String term : terms("question_" + language, text)) {
				for (Map.Entry<String, Float> field : Map.of("question_", 3f, "tags_", 2f, "answer_", 1f).entrySet()) {
					Term exact = new Term(field.getKey() + language, term);
					any.add(new BoostQuery(new TermQuery(exact), field.getValue()), BooleanClause.Occur.SHOULD);
					if (term.length() >= 5) {
						any.add(new BoostQuery(new FuzzyQuery(exact, 1, 2), field.getValue() * 0.5f),
								BooleanClause.Occur.SHOULD);
					}
					clauses++;
				}
			}
		}
		return (clauses == 0) ? null : any.build();
	}

	private List<String> terms(String field, String text) {
		List<String> terms = new ArrayList<>();
		try (TokenStream stream = this.analyzer.tokenStream(field, text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken() && terms.size() < 32) {
				terms.add(term.toString());
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return terms.stream().distinct().toList();
	}

	/** The best passage of the answer, HTML-escaped, matched words in {@code <mark>}. */
	private String snippet(Query words, Article article) {
		String plain = ArticleText.plain(article.answer());
		String field = "answer_" + (LANGUAGES.contains(article.language()) ? article.language() : "it");
		Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(),
				new QueryScorer(words, field));
		try {
			String best = highlighter.getBestFragment(this.analyzer, field, plain);
			return (best != null) ? best
					: new SimpleHTMLEncoder().encodeText(plain.substring(0, Math.min(plain.length(), 160)));
		}
		catch (IOException | InvalidTokenOffsetsException ex) {
			return new SimpleHTMLEncoder().encodeText(plain.substring(0, Math.min(plain.length(), 160)));
		}
	}

}
