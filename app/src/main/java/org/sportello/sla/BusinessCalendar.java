package org.sportello.sla;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The working time of an office: weekly opening hours in a time zone, Italian national
 * holidays, the local patron saint's day and one-off closures. SLA clocks run only inside
 * it. Working hours are wall-clock times, so a day on which daylight saving time changes
 * has one hour more or less of working time only if the office is open across the switch
 * (02:00-03:00 in Europe/Rome).
 */
public final class BusinessCalendar {

	/** Searching further than this for working time means the calendar has none. */
	private static final int MAX_DAYS = 3 * 366;

	private final ZoneId zone;

	private final Map<DayOfWeek, List<TimeRange>> weeklyHours;

	private final Set<MonthDay> localHolidays;

	private final Set<LocalDate> closures;

	public BusinessCalendar(String zone, Map<DayOfWeek, List<TimeRange>> weeklyHours, Set<MonthDay> localHolidays,
			Set<LocalDate> closures) {
		this.zone = zoneOf(zone);
		this.weeklyHours = validated(weeklyHours);
		this.localHolidays = Set.copyOf(localHolidays);
		this.closures = Set.copyOf(closures);
	}

	public ZoneId zone() {
		return this.zone;
	}

	/** Whether the office is open at that instant. */
	public boolean isWorking(Instant instant) {
		return intervalsOf(instant.atZone(this.zone).toLocalDate()).stream()
			.anyMatch((interval) -> !instant.isBefore(interval.start()) && instant.isBefore(interval.end()));
	}

	/**
	 * The end of the working day around {@code instant}: the end of that day's last
	 * opening interval, if it is still to come (none on a day off or after closing).
	 */
	public java.util.Optional<Instant> endOfWorkingDay(Instant instant) {
		return intervalsOf(instant.atZone(this.zone).toLocalDate()).stream()
			.map(Interval::end)
			.filter((end) -> end.isAfter(instant))
			.max(java.util.Comparator.naturalOrder());
	}

	/**
	 * The instant at which {@code workingTime} of working time has passed since
	 * {@code start}. A zero duration answers {@code start} itself.
	 */
	public Instant addWorkingTime(Instant start, Duration workingTime) {
		return addWorkingTimes(start, List.of(workingTime)).get(0);
	}

	/**
	 * {@link #addWorkingTime} for several amounts from the same start, in one walk over
	 * the calendar (an SLA clock's warning, breach and second level: opening a case
	 * walked the office's days three times per clock, issue #19). The answers are in the
	 * order of the amounts.
	 */
	public List<Instant> addWorkingTimes(Instant start, List<Duration> workingTimes) {
		if (workingTimes.stream().anyMatch(Duration::isNegative)) {
			throw new IllegalArgumentException("negative working time");
		}
		Instant[] due = new Instant[workingTimes.size()];
		Integer[] order = new Integer[due.length];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		java.util.Arrays.sort(order, java.util.Comparator.comparing(workingTimes::get));
		int next = 0;
		while (next < order.length && workingTimes.get(order[next]).isZero()) {
			due[order[next++]] = start;
		}
		if (next == order.length) {
			return List.of(due);
		}
		Duration passed = Duration.ZERO;
		LocalDate day = start.atZone(this.zone).toLocalDate();
		for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
			for (Interval interval : intervalsOf(day)) {
				if (!interval.end().isAfter(start)) {
					continue;
				}
				Instant from = interval.start().isBefore(start) ? start : interval.start();
				Duration available = Duration.between(from, interval.end());
				while (next < order.length && workingTimes.get(order[next]).minus(passed).compareTo(available) <= 0) {
					due[order[next]] = from.plus(workingTimes.get(order[next]).minus(passed));
					next++;
				}
				if (next == order.length) {
					return List.of(due);
				}
				passed = passed.plus(available);
			}
		}
		throw new InvalidCalendarException("calendar.no-working-time", "no working time within " + MAX_DAYS + " days");
	}

	/**
	 * The working time between two instants (zero when {@code to} is not after
	 * {@code from}).
	 */
	public Duration workingTimeBetween(Instant from, Instant to) {
		Duration total = Duration.ZERO;
		if (!to.isAfter(from)) {
			return total;
		}
		LocalDate last = to.atZone(this.zone).toLocalDate();
		for (LocalDate day = from.atZone(this.zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
			for (Interval interval : intervalsOf(day)) {
				Instant start = interval.start().isBefore(from) ? from : interval.start();
				Instant end = interval.end().isAfter(to) ? to : interval.end();
				if (end.isAfter(start)) {
					total = total.plus(Duration.between(start, end));
				}
			}
		}
		return total;
	}

	/** Whether the office has opening hours that day (not closed, not a day off). */
	public boolean isWorkingDay(LocalDate day) {
		return !intervalsOf(day).isEmpty();
	}

	/**
	 * The day that many working days after {@code from} (not counting {@code from}): the
	 * last day of a delay given in working days, as an office counts it.
	 */
	public LocalDate addWorkingDays(LocalDate from, int days) {
		if (days < 1) {
			throw new IllegalArgumentException("days must be positive: " + days);
		}
		LocalDate day = from;
		int counted = 0;
		// a calendar without any working day would loop: ten years is the bound
		for (int guard = 0; counted < days && guard < 3660; guard++) {
			day = day.plusDays(1);
			if (isWorkingDay(day)) {
				counted++;
			}
		}
		return day;
	}

	/** The working day before {@code day}, or empty within the next month if none. */
	public java.util.Optional<LocalDate> previousWorkingDay(LocalDate day) {
		for (int back = 1; back <= 31; back++) {
			if (isWorkingDay(day.minusDays(back))) {
				return java.util.Optional.of(day.minusDays(back));
			}
		}
		return java.util.Optional.empty();
	}

	/** Whether the office is closed all day (holiday, patron saint, closure). */
	public boolean isClosedAllDay(LocalDate day) {
		return this.closures.contains(day) || this.localHolidays.contains(MonthDay.from(day))
				|| ItalianHolidays.of(day.getYear()).contains(day);
	}

	private List<Interval> intervalsOf(LocalDate day) {
		if (isClosedAllDay(day)) {
			return List.of();
		}
		List<Interval> intervals = new ArrayList<>();
		for (TimeRange range : this.weeklyHours.getOrDefault(day.getDayOfWeek(), List.of())) {
			// atZone moves a wall time that does not exist (spring forward) to the next
			// valid one
			Instant start = day.atTime(range.start()).atZone(this.zone).toInstant();
			Instant end = day.atTime(range.end()).atZone(this.zone).toInstant();
			if (end.isAfter(start)) {
				intervals.add(new Interval(start, end));
			}
		}
		return intervals;
	}

	private static ZoneId zoneOf(String zone) {
		try {
			return ZoneId.of(zone);
		}
		catch (DateTimeException | NullPointerException ex) {
			throw new InvalidCalendarException("calendar.unknown-zone", zone, "unknown time zone " + zone);
		}
	}

	private static Map<DayOfWeek, List<TimeRange>> validated(Map<DayOfWeek, List<TimeRange>> weeklyHours) {
		Map<DayOfWeek, List<TimeRange>> copy = new EnumMap<>(DayOfWeek.class);
		weeklyHours.forEach((day, ranges) -> {
			List<TimeRange> sorted = ranges.stream().sorted(Comparator.comparing(TimeRange::start)).toList();
			for (int i = 1; i < sorted.size(); i++) {
				if (sorted.get(i - 1).overlaps(sorted.get(i))) {
					throw new InvalidCalendarException("calendar.overlap",
							sorted.get(i - 1).text() + ", " + sorted.get(i).text(), "opening hours overlap on " + day
									+ ": " + sorted.get(i - 1).text() + " and " + sorted.get(i).text());
				}
			}
			copy.put(day, sorted);
		});
		return copy;
	}

	private record Interval(Instant start, Instant end) {
	}

}
