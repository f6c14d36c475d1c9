package org.sportello.notify;

import java.time.Duration;
import java.time.LocalTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Quiet hours of any window: across midnight, within one day, or none. */
class QuietHoursTests {

	@ParameterizedTest(name = "{0}-{1} at {2}: quiet {3}")
	@CsvSource({
			// the default window, across midnight
			"21:00, 08:00, 20:59, false", "21:00, 08:00, 21:00, true", "21:00, 08:00, 23:59, true",
			"21:00, 08:00, 00:00, true", "21:00, 08:00, 07:59, true", "21:00, 08:00, 08:00, false",
			"21:00, 08:00, 12:00, false",
			// a lunch break: only that hour (it used to block the whole day)
			"13:00, 14:00, 12:59, false", "13:00, 14:00, 13:00, true", "13:00, 14:00, 13:59, true",
			"13:00, 14:00, 14:00, false", "13:00, 14:00, 23:00, false", "13:00, 14:00, 03:00, false",
			// equal times: no quiet hours at all
			"00:00, 00:00, 00:00, false", "09:00, 09:00, 09:00, false", "09:00, 09:00, 22:00, false" })
	void quietWithinTheWindowOnly(LocalTime from, LocalTime until, LocalTime at, boolean quiet) {
		SmsSettings settings = new SmsSettings(from, until, 5, 8, Duration.ofSeconds(2), 50, 8);
		assertThat(settings.isQuiet(at)).isEqualTo(quiet);
	}

}
