package org.sportello.notify;

/**
 * The GSM 03.38 7-bit alphabet of SMS: a message of at most 160 such characters (the
 * extension characters count twice) travels as one SMS; other characters switch the whole
 * message to UCS-2 (70 characters).
 */
final class Gsm7 {

	private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
			+ "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

	private static final String EXTENDED = "^{}\\[~]|€\f";

	/** Characters in one SMS. */
	static final int SINGLE = 160;

	private Gsm7() {
	}

	/** The length in GSM-7 septets, or -1 when the text needs UCS-2. */
	static int length(String text) {
		int length = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (BASIC.indexOf(c) >= 0) {
				length++;
			}
			else if (EXTENDED.indexOf(c) >= 0) {
				length += 2;
			}
			else {
				return -1;
			}
		}
		return length;
	}

	/** Whether the text travels as a single GSM-7 SMS. */
	static boolean fitsOneSms(String text) {
		int length = length(text);
		return length >= 0 && length <= SINGLE;
	}

}
