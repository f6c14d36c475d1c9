package org.sportello.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An office's calendar as an administrator edits it: zone, weekly hours, patron saint's
 * day, closures. {@link #toCalendar()} validates it.
 *
 * @param officeGroupId the office, or {@link Calendars#DEFAULT} for the network default
 * @param zone a time zone id such as Europe/Rome
 * @param weeklyHours opening hours per weekday (days without hours are closed)
 * @param patronSaint the local patron saint's day, or {@code null}
 * @param closures one-off closed days
 * @param version optimistic-locking version of the stored calendar (0 for a new one)
 */
public record CalendarDefinition(String officeGroupId, String zone, Map<DayOfWeek, List<TimeRange>> weeklyHours,
		MonthDay patronSaint, List<Closure> closures, int version) {

	private static final DateTimeFormatter PATRON_SAINT = DateTimeFormatter.ofPattern("dd/MM");

	public CalendarDefinition {
		weeklyHours = Map.copyOf(weeklyHours);
		closures = List.copyOf(closures);
	}

	/** A day the office is closed, with why. */
	public record Closure(LocalDate day, String reason) {
	}

	/** The calendar SLA clocks use; refuses unusable definitions. */
	public BusinessCalendar toCalendar() {
		if (this.weeklyHours.values().stream().allMatch(List::isEmpty)) {
			throw new InvalidCalendarException("calendar.no-working-time", "the calendar has no opening hours");
		}
		Set<LocalDate> closed = new HashSet<>();
		for (Closure closure : this.closures) {
			if (!closed.add(closure.day())) {
				throw new InvalidCalendarException("calendar.duplicate-closure", closure.day().toString(),
						"closure " + closure.day() + " is listed twice");
			}
		}
		return new BusinessCalendar(this.zone, this.weeklyHours,
				(this.patronSaint != null) ? Set.of(this.patronSaint) : Set.of(), closed);
	}

	/** The hours of one day as text, such as {@code 09:00-13:00, 14:00-17:30}. */
	public String hoursText(DayOfWeek day) {
		return this.weeklyHours.getOrDefault(day, List.of())
			.stream()
			.map((range) -> range.start() + "-" + range.end())
			.collect(Collectors.joining(", "));
	}

	/**
	 * Parses the hours of one day as {@link #hoursText} writes them; blank means closed.
	 */
	public static List<TimeRange> parseHours(String text) {
		List<TimeRange> ranges = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return ranges;
		}
		for (String part : text.split("[,;]")) {
			String[] bounds = part.trim().split("\\s*-\\s*");
			if (bounds.length != 2) {
				throw new InvalidCalendarException("calendar.bad-hours", part.trim(),
						"'" + part.trim() + "' is not a range such as 09:00-13:00");
			}
			ranges.add(new TimeRange(time(bounds[0]), time(bounds[1])));
		}
		return ranges;
	}

	/** Parses a patron saint's day written as dd/MM; blank means none. */
	public static MonthDay parsePatronSaint(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return MonthDay.parse(text.trim(), PATRON_SAINT);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidCalendarException("calendar.bad-patron-saint", text.trim(),
					"'" + text + "' is not a day such as 10/06");
		}
	}

	public static String patronSaintText(MonthDay day) {
		return (day != null) ? PATRON_SAINT.format(day) : "";
	}

	/** Hours by weekday from text per weekday. */
	public static Map<DayOfWeek, List<TimeRange>> parseWeek(Map<DayOfWeek, String> texts) {
		Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
		texts.forEach((day, text) -> week.put(day, parseHours(text)));
		return week;
	}

	private static LocalTime time(String text) {
		try {
			return LocalTime.parse(text.length() == 4 ? "0" + text : text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidCalendarException("calendar.bad-time", text, "'" + text + "' is not a time such as 09:00");
		}
	}

}
