package org.sportello.cases;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What to look for in /cases. {@code text} is a tracking code, a phone number, an email
 * address or words of the citizen's name (each word the start of a word of the name); the
 * other filters narrow it down; null means any.
 *
 * @param open true: not finished yet; false: finished; null: both
 */
public record CaseSearch(String text, CaseStatus status, String topic, String administration, LocalDate from,
		LocalDate until, Boolean open) {

	public static CaseSearch any() {
		return new CaseSearch(null, null, null, null, null, null, null);
	}

	/**
	 * The words of a name as stored for searching: lower case, no accents, letters and
	 * digits.
	 */
	public static List<String> nameTokens(String name) {
		if (name == null) {
			return List.of();
		}
		String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return Arrays.stream(plain.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
			.filter((token) -> !token.isEmpty())
			.map((token) -> (token.length() > 100) ? token.substring(0, 100) : token)
			.distinct()
			.toList();
	}

}
