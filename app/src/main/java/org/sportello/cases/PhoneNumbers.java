package org.sportello.cases;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers as people type them ("333 1234567", "0862 41 12 34", "+39 333 ...",
 * "0039..."), read with Google's libphonenumber, Italy being the default country, and
 * kept in E.164 ({@code +393331234567}).
 */
public final class PhoneNumbers {

	static final String DEFAULT_REGION = "IT";

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	private PhoneNumbers() {
	}

	/**
	 * The number in E.164 when it is a valid number; otherwise the text as typed
	 * (trimmed), for validation to refuse with a message; null for blank.
	 */
	public static String normalize(String typed) {
		String text = FreeText.normalizeToNull(typed);
		if (text == null) {
			return null;
		}
		Reading reading = read(text);
		if (!reading.valid()) {
			return text;
		}
		String e164 = UTIL.format(reading.number(), PhoneNumberUtil.PhoneNumberFormat.E164);
		// what comes next asks about the number in this form
		LAST_READ.set(reading.as(e164));
		return e164;
	}

	/** Whether this is a valid phone number (as typed or in E.164). */
	public static boolean isValid(String text) {
		return text != null && read(text).valid();
	}

	/** Whether SMS can reach it: a mobile number (or one that may be mobile). */
	public static boolean receivesSms(String text) {
		if (text == null) {
			return false;
		}
		Reading reading = read(text);
		if (!reading.valid()) {
			return false;
		}
		PhoneNumberType type = reading.type();
		if (type == null) {
			type = UTIL.getNumberType(reading.number());
			LAST_READ.set(reading.withType(type));
		}
		return type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
	}

	/**
	 * What a text says as a number: its parse, whether it is valid, its type once asked
	 * for. Opening a case asks about the same number three times (reading the request,
	 * validating it, checking the SMS consent), and each answer is a parse and a round of
	 * regular expressions: the last reading is held on the thread and answers again for
	 * the same text. One number per thread, replaced by the next.
	 */
	private record Reading(String text, PhoneNumber number, boolean valid, PhoneNumberType type) {

		Reading as(String otherText) {
			return new Reading(otherText, this.number, this.valid, this.type);
		}

		Reading withType(PhoneNumberType numberType) {
			return new Reading(this.text, this.number, this.valid, numberType);
		}

	}

	private static final ThreadLocal<Reading> LAST_READ = new ThreadLocal<>();

	private static Reading read(String text) {
		Reading last = LAST_READ.get();
		if (last != null && last.text().equals(text)) {
			return last;
		}
		PhoneNumber number;
		try {
			number = UTIL.parse(text, DEFAULT_REGION);
		}
		catch (NumberParseException ex) {
			number = null;
		}
		Reading reading = new Reading(text, number, number != null && UTIL.isValidNumber(number), null);
		LAST_READ.set(reading);
		return reading;
	}

}
