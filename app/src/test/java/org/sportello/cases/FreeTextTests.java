package org.sportello.cases;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text kept as written: NFC, Unicode blanks trimmed, markup kept, broken text refused.
 */
class FreeTextTests {

	@Test
	void markupCharactersAreOrdinaryText() {
		assertThat(FreeText.normalize("Il mio reddito < 10.000 euro")).isEqualTo("Il mio reddito < 10.000 euro");
		assertThat(FreeText.normalize("ISEE > 20.000, pratica spostata -> tributi"))
			.isEqualTo("ISEE > 20.000, pratica spostata -> tributi");
		assertThat(FreeText.isClean("<script>alert(1)</script>")).isTrue();
	}

	@Test
	void blanksInTheUnicodeSenseAreTrimmedAndDoNotCount() {
		assertThat(FreeText.normalize("\u3000")).isEmpty();
		assertThat(FreeText.normalize("\u3000".repeat(12))).isEmpty();
		assertThat(FreeText.normalize("\u00a0\u2007\u202f\u200b\ufeff a \u3000")).isEqualTo("a");
		assertThat(FreeText.normalize("         a")).isEqualTo("a");
		assertThat(FreeText.hasText("\u2003\u2028")).isFalse();
		assertThat(FreeText.normalizeToNull(" \u00a0 ")).isNull();
		// inside the text, blanks stay as written
		assertThat(FreeText.normalize("via  Roma\u00a012")).isEqualTo("via  Roma\u00a012");
	}

	@Test
	void textIsNfcAndCharactersAreCodePoints() {
		assertThat(FreeText.normalize("citta\u0300")).isEqualTo("città");
		assertThat(FreeText.length("😀😀")).isEqualTo(2);
	}

	@Test
	void controlCharactersAndLoneSurrogatesAreNotText() {
		assertThat(FreeText.isClean("riga 1\nriga 2\r\n\tfine")).isTrue();
		assertThat(FreeText.isClean("nul\u0000")).isFalse();
		assertThat(FreeText.isClean("bell\u0007")).isFalse();
		assertThat(FreeText.isClean("half \ud83d")).isFalse();
		assertThat(FreeText.isClean("\ude00 half")).isFalse();
		assertThat(FreeText.isClean("whole \ud83d\ude00")).isTrue();
	}

}
