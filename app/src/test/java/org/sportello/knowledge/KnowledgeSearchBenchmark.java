package org.sportello.knowledge;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark (bench/knowledge-search.sh, never part of ./mvnw verify): the knowledge base
 * index with N articles (default 20,000: the 42 demo articles, each in variants with
 * other places and words of the whole base), the time to rebuild it, and p50/p95 of 500
 * searches as operators type them (two to five words of a real question, one in five with
 * a typo), as the front office's five suggestions and as a page of 20 on /faq. Figures go
 * to app/target/bench/knowledge-search.txt.
 */
@Tag("bench")
class KnowledgeSearchBenchmark {

	static final String[] PLACES = { "L'Aquila", "Paganica", "Onna", "Coppito", "Sassa", "Preturo", "Arischia",
			"Bazzano", "Roio", "Collebrincioni", "Camarda", "Assergi", "Tempera", "Pettino", "Pianola" };

	@Test
	void searchOver20000Articles() throws Exception {
		int count = Integer.getInteger("sportello.bench.articles", 20_000);
		List<Map<String, Object>> demo;
		try (InputStream in = getClass().getResourceAsStream("/demo/kb-articles.json")) {
			demo = new ObjectMapper().readValue(in, new TypeReference<List<Map<String, Object>>>() {
			});
		}
		List<String> vocabulary = new ArrayList<>();
		demo.forEach((one) -> vocabulary.addAll(Arrays.asList(((String) one.get("answer")).split("\\W+"))));
		Random random = new Random(7);
		List<Article> articles = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Map<String, Object> base = demo.get(i % demo.size());
			StringBuilder extra = new StringBuilder();
			for (int w = 0; w < 12; w++) {
				extra.append(' ').append(vocabulary.get(random.nextInt(vocabulary.size())));
			}
			articles.add(new Article("a" + i, "a-" + i, (String) base.get("administration"), (String) base.get("topic"),
					Article.Audience.valueOf((String) base.get("audience")), (String) base.get("language"),
					ArticleStatus.PUBLISHED, base.get("question") + " (" + PLACES[random.nextInt(PLACES.length)] + ")",
					base.get("answer") + extra.toString(), (String) base.get("tags"), null, null, null, 1, "bench",
					Instant.EPOCH));
		}
		ArticleIndex index = new ArticleIndex();
		long[] rebuilds = new long[3];
		for (int i = 0; i < rebuilds.length; i++) {
			long t0 = System.nanoTime();
			index.rebuild(articles);
			rebuilds[i] = System.nanoTime() - t0;
		}
		assertThat(index.size()).isEqualTo(count);
		List<String> queries = new ArrayList<>();
		for (int i = 0; i < 520; i++) {
			String[] words = ((String) demo.get(random.nextInt(demo.size())).get("question")).split("[\\s?,.']+");
			int from = random.nextInt(Math.max(1, words.length - 2));
			int length = 2 + random.nextInt(4);
			String query = String.join(" ", Arrays.copyOfRange(words, from, Math.min(words.length, from + length)));
			if (random.nextInt(5) == 0 && query.length() > 6) {
				int at = 1 + random.nextInt(query.length() - 2);
				query = query.substring(0, at) + query.substring(at + 1);
			}
			queries.add(query);
		}
		StringBuilder report = new StringBuilder(
				String.format("%,d articles; rebuild %.0f ms, %.0f ms, %.0f ms (JVM %s)%n", count, rebuilds[0] / 1e6,
						rebuilds[1] / 1e6, rebuilds[2] / 1e6, System.getProperty("java.version")));
		report.append(measure("front-office suggestions (5)", queries,
				(query) -> index.search(query, ArticleIndex.Filter.OPERATORS, 5)));
		report.append(measure("public FAQ page (20, public only)", queries,
				(query) -> index.search(query, ArticleIndex.Filter.CITIZENS, 20)));
		Path file = Path.of("target", "bench", "knowledge-search.txt");
		Files.createDirectories(file.getParent());
		Files.writeString(file, report);
	}

	private static String measure(String what, List<String> queries,
			java.util.function.Function<String, List<ArticleIndex.Hit>> search) {
		// 20 warm-ups, then 500 measured
		long[] times = new long[queries.size() - 20];
		int empty = 0;
		for (int i = 0; i < queries.size(); i++) {
			long t0 = System.nanoTime();
			List<ArticleIndex.Hit> hits = search.apply(queries.get(i));
			if (i >= 20) {
				times[i - 20] = System.nanoTime() - t0;
				empty += hits.isEmpty() ? 1 : 0;
			}
		}
		Arrays.sort(times);
		return String.format("%-36s p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms  (no hit: %d of %d)%n", what,
				times[times.length / 2] / 1e6, times[(int) Math.ceil(0.95 * times.length) - 1] / 1e6,
				times[times.length - 1] / 1e6, empty, times.length);
	}

}
