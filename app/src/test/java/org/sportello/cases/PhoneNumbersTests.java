package org.sportello.cases;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Numbers as people type them, read with libphonenumber (Italy by default). */
class PhoneNumbersTests {

	@ParameterizedTest(name = "''{0}'' is {1}")
	@CsvSource(delimiter = '|',
			value = { "333 1234567|+393331234567|true", "3331234567|+393331234567|true",
					"+39 333 123 4567|+393331234567|true", "0039 333 1234567|+393331234567|true",
					"(+39) 333-123.4567|+393331234567|true", "0862 41 12 34|+390862411234|false",
					"+39 06 6982|+39066982|false", "+44 7911 123456|+447911123456|true" })
	void typedNumbersBecomeE164(String typed, String e164, boolean sms) {
		assertThat(PhoneNumbers.normalize(typed)).isEqualTo(e164);
		assertThat(PhoneNumbers.isValid(e164)).isTrue();
		assertThat(PhoneNumbers.receivesSms(e164)).isEqualTo(sms);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "333-12", "abc", "+39 123", "00000000000", "+999 123456" })
	void invalidNumbersStayAsTypedForTheMessage(String typed) {
		assertThat(PhoneNumbers.normalize(typed)).isEqualTo(typed);
		assertThat(PhoneNumbers.isValid(typed)).isFalse();
		assertThat(PhoneNumbers.receivesSms(typed)).isFalse();
	}

	/**
	 * The last reading is held on the thread: each answer must still be the asked
	 * number's, whatever was read before it.
	 */
	@org.junit.jupiter.api.Test
	void eachAnswerIsAboutTheNumberAsked() {
		assertThat(PhoneNumbers.normalize("333 1234567")).isEqualTo("+393331234567");
		assertThat(PhoneNumbers.receivesSms("0862 41 12 34")).isFalse();
		assertThat(PhoneNumbers.isValid("0862 41 12 34")).isTrue();
		assertThat(PhoneNumbers.receivesSms("+393331234567")).isTrue();
		assertThat(PhoneNumbers.isValid("+39 123")).isFalse();
		assertThat(PhoneNumbers.receivesSms("333 1234567")).isTrue();
		assertThat(PhoneNumbers.normalize("0862 41 12 34")).isEqualTo("+390862411234");
		assertThat(PhoneNumbers.receivesSms("+390862411234")).isFalse();
		assertThat(PhoneNumbers.receivesSms("+393331234567")).isTrue();
		assertThat(PhoneNumbers.normalize("abc")).isEqualTo("abc");
		assertThat(PhoneNumbers.isValid("abc")).isFalse();
	}

}
