package org.sportello.support;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.sportello.ClockShift;

/**
 * Moves the application's clock (the engine's) for a test, and gives it back. A test that
 * depends on "now" sets it here; every other test runs on the suite's clock, which the
 * build shifts to awkward instants (see {@code sportello.clock.start} in app/pom.xml), so
 * {@link #reset()} returns to that clock, not to the machine's.
 */
public final class TestClock {

	private TestClock() {
	}

	/** Stops the clock at this instant until the next {@code set} or {@link #reset()}. */
	public static void set(Instant instant) {
		ClockUtil.setCurrentTime(Date.from(instant));
	}

	/** The suite's running clock again. */
	public static void reset() {
		ClockShift.restore();
	}

}
