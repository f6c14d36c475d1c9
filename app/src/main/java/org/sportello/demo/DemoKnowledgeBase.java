package org.sportello.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sportello.knowledge.Article;
import org.sportello.knowledge.ArticleStatus;
import org.sportello.knowledge.KnowledgeBase;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: the knowledge base articles of {@code demo/kb-articles.json}
 * (written for the demo on the world of the L'Aquila network: reconstruction, temporary
 * housing, connections, INPS, registry, taxes, health, civil protection, PEC), published
 * by their administrations. Idempotent: an article whose address exists is left alone.
 */
@Component
@Profile("demo")
@Order(110)
class DemoKnowledgeBase implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoKnowledgeBase.class);

	record DemoArticle(String slug, String administration, String topic, Article.Audience audience, String language,
			String question, String answer, String tags, String legalBasis, LocalDate validUntil) {
	}

	private final KnowledgeBase knowledge;

	private final ObjectMapper json;

	DemoKnowledgeBase(KnowledgeBase knowledge, ObjectMapper json) {
		this.knowledge = knowledge;
		this.json = json;
	}

	@Override
	public void run(ApplicationArguments args) {
		int added = 0;
		for (DemoArticle demo : articles()) {
			if (this.knowledge.bySlug(demo.slug()).isEmpty()) {
				this.knowledge.save(new KnowledgeBase.Draft(null, demo.slug(), demo.administration(), demo.topic(),
						demo.audience(), demo.language(), demo.question(), demo.answer(), demo.tags(),
						demo.legalBasis(), null, demo.validUntil()), ArticleStatus.PUBLISHED, "demo");
				added++;
			}
		}
		if (added > 0) {
			log.info("Demo knowledge base: {} articles published", added);
		}
	}

	private List<DemoArticle> articles() {
		try (InputStream in = getClass().getResourceAsStream("/demo/kb-articles.json")) {
			return this.json.readValue(in, new TypeReference<List<DemoArticle>>() {
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
