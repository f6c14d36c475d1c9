package org.sportello.cases;

/** An entry of the shared classification of requests. */
public record Topic(String code, String labelIt, String labelEn, String administrationCode, boolean active) {

	/** The label in the reader's language (Italian unless English). */
	public String label(java.util.Locale locale) {
		return "en".equals(locale.getLanguage()) ? this.labelEn : this.labelIt;
	}

}
