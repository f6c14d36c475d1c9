package org.sportello.cases;

import java.text.Normalizer;

/**
 * Text that people write (descriptions, names, notes, answers, comments) is kept exactly
 * as written, after Unicode NFC normalisation and with blanks trimmed at both ends in the
 * Unicode sense (ideographic and no-break spaces, zero-width spaces, byte-order marks),
 * and escaped wherever it is shown. Markup characters such as {@code <} are ordinary text
 * here: "ISEE &gt; 20.000" must reach the official as typed. What no text needs, and what
 * breaks storage or display, is refused: NUL and other control characters (but tab and
 * line breaks), and unpaired surrogates.
 */
public final class FreeText {

	private FreeText() {
	}

	/** NFC, trimmed of Unicode blanks; null stays null. */
	public static String normalize(String text) {
		if (text == null) {
			return null;
		}
		String nfc = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
				: Normalizer.normalize(text, Normalizer.Form.NFC);
		int start = 0;
		int end = nfc.length();
		while (start < end) {
			int cp = nfc.codePointAt(start);
			if (!isBlank(cp)) {
				break;
			}
			start += Character.charCount(cp);
		}
		while (end > start) {
			int cp = nfc.codePointBefore(end);
			if (!isBlank(cp)) {
				break;
			}
			end -= Character.charCount(cp);
		}
		return nfc.substring(start, end);
	}

	/** Normalised, or null when nothing but blanks is left. */
	public static String normalizeToNull(String text) {
		String normalized = normalize(text);
		return (normalized == null || normalized.isEmpty()) ? null : normalized;
	}

	/** Whether the text has at least one character that is not a blank. */
	public static boolean hasText(String text) {
		return text != null && !normalize(text).isEmpty();
	}

	/**
	 * Whether the text can be stored and shown: no control characters, no lone
	 * surrogates.
	 */
	public static boolean isClean(String text) {
		if (text == null) {
			return true;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return false;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return false;
			}
			else if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether normalised text is acceptable free text of {@code min} to {@code max}
	 * characters (null counts as empty): the one rule of every text field checked by
	 * hand.
	 */
	public static boolean fits(String normalized, int min, int max) {
		int length = length(normalized);
		return isClean(normalized) && length >= min && length <= max;
	}

	/** Characters, not UTF-16 units: an emoji is one. */
	public static int length(String text) {
		return (text == null) ? 0 : text.codePointCount(0, text.length());
	}

	/**
	 * Blank in the Unicode sense: white space, space separators (no-break and ideographic
	 * spaces included) and the invisible formatting characters that look like nothing.
	 */
	static boolean isBlank(int cp) {
		return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x200B || cp == 0x200C || cp == 0x200D
				|| cp == 0x2060 || cp == 0xFEFF || cp == 0x180E;
	}

}
