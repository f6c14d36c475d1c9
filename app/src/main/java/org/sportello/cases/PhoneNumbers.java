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
		PhoneNumber number = parse(text);
		return (number != null && UTIL.isValidNumber(number))
				? UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : text;
	}

	/** Whether this is a valid phone number (as typed or in E.164). */
	public static boolean isValid(String text) {
		PhoneNumber number = (text == null) ? null : parse(text);
		return number != null && UTIL.isValidNumber(number);
	}

	/** Whether SMS can reach it: a mobile number (or one that may be mobile). */
	public static boolean receivesSms(String text) {
		PhoneNumber number = (text == null) ? null : parse(text);
		if (number == null || !UTIL.isValidNumber(number)) {
			return false;
		}
		PhoneNumberType type = UTIL.getNumberType(number);
		return type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
	}

	private static PhoneNumber parse(String text) {
		try {
			return UTIL.parse(text, DEFAULT_REGION);
		}
		catch (NumberParseException ex) {
			return null;
		}
	}

}
