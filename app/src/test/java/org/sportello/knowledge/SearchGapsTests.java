package org.sportello.knowledge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What of a citizen's search editors may read. */
class SearchGapsTests {

	@Test
	void emailsPhonesCodesAndWordsWithDigitsAreTakenOut() {
		assertThat(SearchGaps.cleaned("  Rimborso TARI  per mario.rossi@example.it, tel. +39 333 123 4567 "))
			.isEqualTo("rimborso tari per tel.");
		assertThat(SearchGaps.cleaned("pratica SPT-2345-6789 del 12/03/1961")).isEqualTo("pratica del");
		assertThat(SearchGaps.cleaned("codice fiscale RSSMRA61C12A345Z")).isEqualTo("codice fiscale");
		assertThat(SearchGaps.cleaned("bonus\u0000casa\u202Eaffitto")).isEqualTo("bonus casa affitto");
		assertThat(SearchGaps.cleaned("12345")).isEmpty();
		assertThat(SearchGaps.cleaned(null)).isEmpty();
	}

	@Test
	void longQueriesAreCutAtAWord() {
		String cleaned = SearchGaps.cleaned("ricostruzione ".repeat(40));
		assertThat(cleaned).hasSizeLessThanOrEqualTo(SearchGaps.MAX_LENGTH).endsWith("ricostruzione");
	}

}
