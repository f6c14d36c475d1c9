package org.sportello.cases;

import java.util.Locale;

/**
 * An entry of one of the network's shared lists (topic classes, outcome classes): a
 * stable code and its label in each language.
 */
public record ClassLabel(String code, String labelIt, String labelEn, int position, boolean active) {

	public String label(Locale locale) {
		return "en".equals(locale.getLanguage()) ? this.labelEn : this.labelIt;
	}

}
