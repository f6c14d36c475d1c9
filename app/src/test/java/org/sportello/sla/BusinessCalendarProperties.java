package org.sportello.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of the business calendar over random instants (2024-2028) and durations. */
class BusinessCalendarProperties {

	private static final long FROM = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();

	private static final BusinessCalendar CALENDAR = BusinessCalendarTests.weekdays(DayOfWeek.SATURDAY);

	@Property(tries = 300)
	void addingWorkingTimeNeverLandsOutsideWorkingHours(@ForAll @LongRange(min = 0, max = 4L * 365 * 86400) long at,
			@ForAll @LongRange(min = 1, max = 400L * 3600) long seconds) {
		Instant start = Instant.ofEpochSecond(FROM + at);
		Instant due = CALENDAR.addWorkingTime(start, Duration.ofSeconds(seconds));
		// the last second consumed is working time
		assertThat(CALENDAR.isWorking(due.minusSeconds(1))).isTrue();
	}

	@Property(tries = 100)
	void severalAmountsAtOnceLandWhereEachAloneWould(@ForAll @LongRange(min = 0, max = 4L * 365 * 86400) long at,
			@ForAll @LongRange(min = 0, max = 10L * 86400) long first,
			@ForAll @LongRange(min = 0, max = 10L * 86400) long second,
			@ForAll @LongRange(min = 0, max = 10L * 86400) long third) {
		Instant start = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(at);
		List<Duration> amounts = List.of(Duration.ofSeconds(first), Duration.ofSeconds(second),
				Duration.ofSeconds(third));
		// the one-by-one answer, walked day by day as before the single walk
		List<Instant> alone = amounts.stream().map((amount) -> walkedAlone(start, amount)).toList();
		assertThat(CALENDAR.addWorkingTimes(start, amounts)).isEqualTo(alone);
	}

	/** Adds working time by seconds of working time found with workingTimeBetween. */
	private static Instant walkedAlone(Instant start, Duration amount) {
		if (amount.isZero()) {
			return start;
		}
		// the first instant at which the working time since start reaches the amount
		Instant low = start;
		Instant high = start.plus(Duration.ofDays(120));
		while (Duration.between(low, high).toMillis() > 1) {
			Instant middle = low.plusMillis(Duration.between(low, high).toMillis() / 2);
			if (CALENDAR.workingTimeBetween(start, middle).compareTo(amount) >= 0) {
				high = middle;
			}
			else {
				low = middle;
			}
		}
		return high;
	}

	@Property(tries = 300)
	void workingTimeBetweenUndoesAddingIt(@ForAll @LongRange(min = 0, max = 4L * 365 * 86400) long at,
			@ForAll @LongRange(min = 0, max = 400L * 3600) long seconds) {
		Instant start = Instant.ofEpochSecond(FROM + at);
		Duration budget = Duration.ofSeconds(seconds);
		assertThat(CALENDAR.workingTimeBetween(start, CALENDAR.addWorkingTime(start, budget))).isEqualTo(budget);
	}

	@Property(tries = 300)
	void pauseAndResumeNeverLoseOrGainTime(@ForAll @LongRange(min = 0, max = 4L * 365 * 86400) long at,
			@ForAll @LongRange(min = 0, max = 30L * 86400) long firstLeg,
			@ForAll @LongRange(min = 0, max = 30L * 86400) long secondLeg) {
		Instant start = Instant.ofEpochSecond(FROM + at);
		Instant pause = start.plusSeconds(firstLeg);
		Instant end = pause.plusSeconds(secondLeg);
		assertThat(CALENDAR.workingTimeBetween(start, pause).plus(CALENDAR.workingTimeBetween(pause, end)))
			.isEqualTo(CALENDAR.workingTimeBetween(start, end));
	}

}
