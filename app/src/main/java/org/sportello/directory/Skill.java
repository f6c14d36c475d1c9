package org.sportello.directory;

import java.util.Locale;
import java.util.Optional;

/**
 * What an office or an operator can do that not every one can, and what a citizen may
 * need from whoever handles the case: the distribution of front-office work (see
 * decisions/distribution.dmn) never gives a case to an office without the skills it
 * needs.
 */
public enum Skill {

	/** Speaks with the citizen in English. */
	LANG_EN,

	/** In French. */
	LANG_FR,

	/** In German. */
	LANG_DE,

	/** In Spanish. */
	LANG_ES,

	/** Italian sign language (LIS), by video call. */
	SIGN_LANGUAGE,

	/**
	 * Assistance for blind and partially sighted citizens (documents read out, accessible
	 * formats).
	 */
	BLIND_ASSISTANCE,

	/** Assistance for citizens with disabilities (the intake's disability flag). */
	DISABILITY_ASSISTANCE;

	/** The skill a citizen writing in this language needs; none for Italian. */
	public static Optional<Skill> forLanguage(String language) {
		if (language == null) {
			return Optional.empty();
		}
		return switch (language.toLowerCase(Locale.ROOT)) {
			case "en" -> Optional.of(LANG_EN);
			case "fr" -> Optional.of(LANG_FR);
			case "de" -> Optional.of(LANG_DE);
			case "es" -> Optional.of(LANG_ES);
			default -> Optional.empty();
		};
	}

}
