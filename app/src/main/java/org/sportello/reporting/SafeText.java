package org.sportello.reporting;

/**
 * Text that a spreadsheet must not take for a formula (CSV injection, OWASP): a value
 * starting with {@code = + - @}, a tab or a carriage return.
 */
final class SafeText {

	private SafeText() {
	}

	static boolean looksLikeFormula(String text) {
		if (text == null || text.isEmpty()) {
			return false;
		}
		char first = text.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

	/** For CSV: a leading apostrophe, which spreadsheets read as "this is text". */
	static String forCsv(String text) {
		return looksLikeFormula(text) ? "'" + text : text;
	}

}
