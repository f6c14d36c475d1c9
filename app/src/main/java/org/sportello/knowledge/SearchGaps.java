package org.sportello.knowledge;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.sportello.cases.FreeText;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Citizens' searches that found nothing, or nothing useful: the questions the knowledge
 * base does not answer yet. A query is kept only after what could identify someone is
 * taken out (emails, phone numbers, tracking codes, any word with a digit), and editors
 * see a query only once several searches asked it.
 */
@Component
class SearchGaps {

	static final int MAX_LENGTH = 120;

	private final MeasureMapper mapper;

	private final Clock clock;

	SearchGaps(MeasureMapper mapper, Clock clock) {
		this.mapper = mapper;
		this.clock = clock;
	}

	@Transactional
	void nothingFound(String query, String language) {
		String kept = cleaned(query);
		if (!kept.isEmpty()) {
			this.mapper.insertGap(UUID.randomUUID().toString(), kept, "en".equals(language) ? "en" : "it",
					this.clock.instant());
		}
	}

	/**
	 * The query as editors may read it: lower case, single spaces, without personal data
	 * and without words carrying digits (dates of birth, fiscal codes, file numbers) or
	 * no letter at all.
	 */
	static String cleaned(String query) {
		if (query == null) {
			return "";
		}
		String text = KnowledgeBase.withoutPersonalData(FreeText.normalize(query), List.of())
			.toLowerCase(Locale.ROOT)
			.replace('…', ' ')
			.replaceAll("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cs}]", " ");
		StringBuilder kept = new StringBuilder();
		for (String word : text.split("\\s+")) {
			if (word.chars().anyMatch(Character::isDigit) || word.chars().noneMatch(Character::isLetter)) {
				continue;
			}
			if (kept.length() + word.length() + 1 > MAX_LENGTH) {
				break;
			}
			kept.append(kept.isEmpty() ? "" : " ").append(word);
		}
		return kept.toString();
	}

}
