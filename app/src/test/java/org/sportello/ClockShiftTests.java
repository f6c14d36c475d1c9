package org.sportello;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What {@code sportello.clock.start} accepts. That a shifted clock runs on is checked by
 * the suite itself ({@code H2ApplicationTests}), which runs shifted.
 */
class ClockShiftTests {

	@Test
	void acceptsOffsetsZonesAndUtc() {
		Instant sundayNight = Instant.parse("2026-12-06T22:30:00Z");
		assertThat(ClockShift.parse("2026-12-06T23:30:00+01:00")).isEqualTo(sundayNight);
		assertThat(ClockShift.parse(" 2026-12-06T23:30:00+01:00[Europe/Rome] ")).isEqualTo(sundayNight);
		assertThat(ClockShift.parse("2026-12-06T22:30:00Z")).isEqualTo(sundayNight);
	}

	@Test
	void refusesADateTimeWithoutOffsetNamingTheProperty() {
		assertThatIllegalStateException().isThrownBy(() -> ClockShift.parse("2026-12-06T23:30:00"))
			.withMessageContaining("sportello.clock.start")
			.withMessageContaining("2026-12-06T23:30:00+01:00");
	}

}
