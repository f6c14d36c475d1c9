package org.sportello.cases;

import java.security.SecureRandom;

/**
 * Tracking codes such as {@code SPT-7KQ4-M9XD} and numeric PINs. The alphabet leaves out
 * 0/O and 1/I/L so a code read over the phone is unambiguous; 8 random characters of 31
 * (about 8.5 * 10^11 codes) make codes neither sequential nor guessable.
 */
public final class TrackingCodes {

	static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

	private final SecureRandom random = new SecureRandom();

	String newTrackingCode() {
		StringBuilder code = new StringBuilder("SPT-");
		for (int i = 0; i < 8; i++) {
			if (i == 4) {
				code.append('-');
			}
			code.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/**
	 * A code as people type it ("spt-7kq4-m9xd ") in the form it is stored in; anything
	 * else unchanged (it then matches no case).
	 */
	public static String normalize(String code) {
		return (code == null) ? null : code.strip().toUpperCase(java.util.Locale.ROOT);
	}

	/** A tracking code within a text (an email's subject, an SMS), in any case. */
	public static java.util.Optional<String> findIn(String text) {
		java.util.regex.Matcher matcher = IN_TEXT.matcher((text == null) ? "" : text);
		return matcher.find() ? java.util.Optional.of(normalize(matcher.group())) : java.util.Optional.empty();
	}

	private static final java.util.regex.Pattern IN_TEXT = java.util.regex.Pattern
		.compile("(?i)\\bSPT-[" + ALPHABET + "]{4}-[" + ALPHABET + "]{4}\\b");

	String newPin() {
		// six digits, zeros in front (String.format cost more than the rest of the case's
		// opening in Java, issue #19)
		String digits = Integer.toString(this.random.nextInt(1_000_000));
		return "000000".substring(digits.length()) + digits;
	}

}
