package org.sportello.notify;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Texts of SMS in the citizen's language, from the application's translations (the same
 * status labels the pages show).
 */
final class SmsTexts {

	private SmsTexts() {
	}

	static String text(String language, String key) {
		return ResourceBundle.getBundle("vaadin-i18n.translations", Locale.forLanguageTag(language)).getString(key);
	}

}
