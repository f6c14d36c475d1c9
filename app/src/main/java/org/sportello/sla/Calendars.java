package org.sportello.sla;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.sportello.sla.CalendarDefinition.Closure;
import org.sportello.sla.CalendarMapper.CalendarRow;
import org.sportello.sla.CalendarMapper.ClosureRow;
import org.sportello.sla.CalendarMapper.HoursRow;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The offices' business calendars, stored as data. Offices without their own calendar use
 * the network's {@link #DEFAULT}. A change takes effect at once for the running SLA
 * clocks of the offices concerned, including the due dates of their timers; an invalid
 * calendar is refused and the one in force stays.
 */
@Service
public class Calendars {

	/** The calendar of offices that have none of their own. */
	public static final String DEFAULT = "DEFAULT";

	/**
	 * Calendars are read for every SLA computation; another node sees a change after at
	 * most this long (the node that saves applies it at once).
	 */
	private static final Duration CACHE_TIME = Duration.ofSeconds(30);

	private final CalendarMapper mapper;

	private final SlaClocks clocks;

	private final Clock clock;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	Calendars(CalendarMapper mapper, @Lazy SlaClocks clocks, Clock clock) {
		this.mapper = mapper;
		this.clocks = clocks;
		this.clock = clock;
	}

	private record Cached(BusinessCalendar calendar, Instant until) {
	}

	/** The calendar in force for an office (its own, else the default). */
	public BusinessCalendar calendarOf(String officeGroupId) {
		Instant now = this.clock.instant();
		Cached cached = this.cache.get(officeGroupId);
		if (cached == null || now.isAfter(cached.until())) {
			cached = new Cached(effectiveDefinition(officeGroupId).toCalendar(), now.plus(CACHE_TIME));
			this.cache.put(officeGroupId, cached);
		}
		return cached.calendar();
	}

	/** The office's own calendar, if it has one. */
	public Optional<CalendarDefinition> ownDefinition(String officeGroupId) {
		return this.mapper.calendar(officeGroupId).map(this::definition);
	}

	/** The office's own calendar, else the default. */
	public CalendarDefinition effectiveDefinition(String officeGroupId) {
		return ownDefinition(officeGroupId).or(() -> ownDefinition(DEFAULT))
			.orElseThrow(() -> new IllegalStateException("The default calendar is missing"));
	}

	/**
	 * Stores a calendar (new, or replacing the version read) and applies it to the
	 * running clocks. Throws {@link InvalidCalendarException} for an unusable calendar
	 * and {@link CalendarChangedException} when someone else saved it since it was read;
	 * in both cases nothing changes.
	 */
	@Transactional
	public CalendarDefinition save(CalendarDefinition definition, String user) {
		BusinessCalendar updated = definition.toCalendar();
		String office = definition.officeGroupId();
		CalendarRow row = new CalendarRow(office, definition.zone(),
				(definition.patronSaint() != null) ? definition.patronSaint().toString().substring(2) : null,
				this.clock.instant(), user, definition.version());
		Optional<CalendarRow> existing = this.mapper.calendar(office);
		if (existing.isEmpty()) {
			if (definition.version() != 0) {
				throw new CalendarChangedException(office);
			}
			this.mapper.insertCalendar(row);
		}
		else if (this.mapper.updateCalendar(row) == 0) {
			throw new CalendarChangedException(office);
		}
		this.mapper.deleteHours(office);
		definition.weeklyHours()
			.forEach((day, ranges) -> ranges.forEach((range) -> this.mapper.insertHours(office,
					new HoursRow(day.getValue(), range.start().toString(), range.end().toString()))));
		this.mapper.deleteClosures(office);
		definition.closures()
			.forEach((closure) -> this.mapper.insertClosure(office, new ClosureRow(closure.day(), closure.reason())));
		this.cache.clear();
		this.clocks.calendarChanged(office, updated);
		return ownDefinition(office).orElseThrow();
	}

	private CalendarDefinition definition(CalendarRow row) {
		Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
		for (HoursRow hours : this.mapper.hours(row.officeGroupId())) {
			week.computeIfAbsent(DayOfWeek.of(hours.dayOfWeek()), (day) -> new ArrayList<>())
				.add(new TimeRange(java.time.LocalTime.parse(hours.startTime()),
						java.time.LocalTime.parse(hours.endTime())));
		}
		List<Closure> closures = this.mapper.closures(row.officeGroupId())
			.stream()
			.map((closure) -> new Closure(closure.closedOn(), closure.reason()))
			.toList();
		MonthDay patronSaint = (row.patronSaint() != null) ? MonthDay.parse("--" + row.patronSaint()) : null;
		return new CalendarDefinition(row.officeGroupId(), row.zone(), week, patronSaint, closures, row.version());
	}

}
