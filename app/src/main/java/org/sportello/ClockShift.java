package org.sportello;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Starts the application's clock (the engine's, see ADR 0010) at a chosen instant, from
 * which it runs on in real time: property {@code sportello.clock.start}, e.g.
 * {@code 2026-12-06T23:30:00+01:00}. It exists for the test suite's guard, which runs the
 * tests at awkward instants (a Sunday night, a holiday morning, a change of daylight
 * saving time), and for demonstrating what the application does at such a moment. Empty
 * means the system clock.
 *
 * <p>
 * The engine's clock is static, so there is one shift per JVM: every application context
 * in it shares the offset computed the first time, and tests that moved the clock go back
 * to that shifted time with {@link #restore()}, not to the system time.
 */
public final class ClockShift {

	private static Long offsetMillis;

	private ClockShift() {
	}

	/** Parses the property's value: an ISO-8601 date-time with offset (or zone). */
	static Instant parse(String value) {
		try {
			return ZonedDateTime.parse(value.trim()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new IllegalStateException("sportello.clock.start must be an ISO-8601 date-time with offset, such as "
					+ "2026-12-06T23:30:00+01:00; it was '" + value + "'", ex);
		}
	}

	/**
	 * Shifts the clock so that it reads {@code start} now (or keeps the shift this JVM
	 * already has), and answers the offset from the system clock.
	 */
	static synchronized long startAt(Instant start, Clock system) {
		if (offsetMillis == null) {
			offsetMillis = start.toEpochMilli() - system.millis();
		}
		ClockUtil.offset(offsetMillis);
		return offsetMillis;
	}

	/**
	 * Back to the application's time after a test moved the clock: the shifted time when
	 * the clock is shifted, else the system time.
	 */
	public static synchronized void restore() {
		ClockUtil.reset();
		if (offsetMillis != null) {
			ClockUtil.offset(offsetMillis);
		}
	}

}
