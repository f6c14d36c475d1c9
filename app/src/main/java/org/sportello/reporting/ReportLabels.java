package org.sportello.reporting;

import java.util.Locale;

/**
 * The reader's language for an export, usable outside the UI's thread: texts from the
 * message bundles and the locale for names of topics and months.
 */
public interface ReportLabels {

	String text(String key, Object... params);

	Locale locale();

	default boolean english() {
		return "en".equals(locale().getLanguage());
	}

}
