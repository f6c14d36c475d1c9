package org.sportello.web;

import com.vaadin.flow.component.UI;

/**
 * Keeps the page's {@code <html lang>} in the UI's language, for screen readers,
 * hyphenation and the browser's own texts: Vaadin leaves it at the bootstrap page's
 * value.
 */
public final class PageLanguage {

	private PageLanguage() {
	}

	/**
	 * Switches the session to the other language and reloads the page (pages without the
	 * main layout's language menu, such as the public FAQ).
	 */
	public static void switchLanguage() {
		LanguagePreference.choose(UI.getCurrent().getLocale().getLanguage().equals("en") ? LanguagePreference.ITALIAN
				: LanguagePreference.ENGLISH);
	}

	public static void apply(UI ui) {
		ui.getPage().executeJs("document.documentElement.lang = $0", ui.getLocale().getLanguage());
	}

}
