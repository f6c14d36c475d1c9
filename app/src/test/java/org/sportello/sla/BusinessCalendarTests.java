package org.sportello.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessCalendarTests {

	static final ZoneId ROME = ZoneId.of("Europe/Rome");

	/** L'Aquila: patron saint San Massimo, 10 June. */
	static final MonthDay SAN_MASSIMO = MonthDay.of(6, 10);

	static BusinessCalendar weekdays(DayOfWeek... extraDays) {
		Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			hours.put(day, List.of(range("09:00", "17:30")));
		}
		for (DayOfWeek day : extraDays) {
			hours.put(day, List.of(range("09:00", "13:00")));
		}
		return new BusinessCalendar("Europe/Rome", hours, Set.of(SAN_MASSIMO), Set.of());
	}

	static TimeRange range(String start, String end) {
		return new TimeRange(LocalTime.parse(start), LocalTime.parse(end));
	}

	static Instant rome(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(ROME).toInstant();
	}

	@Test
	void easterIsComputed() {
		assertThat(ItalianHolidays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
		assertThat(ItalianHolidays.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
		assertThat(ItalianHolidays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
		assertThat(ItalianHolidays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
		assertThat(ItalianHolidays.of(2026)).contains(LocalDate.of(2026, 4, 6), LocalDate.of(2026, 6, 2)).hasSize(11);
	}

	/**
	 * In 2011 Easter Monday was 25 April, Liberation Day: one holiday that day (a case
	 * whose clock ran through 2011 once failed its SLA timer on the duplicate).
	 */
	@Test
	void easterMondayOnLiberationDayIsOneHoliday() {
		assertThat(ItalianHolidays.easterSunday(2011)).isEqualTo(LocalDate.of(2011, 4, 24));
		assertThat(ItalianHolidays.of(2011)).hasSize(10).contains(LocalDate.of(2011, 4, 25));
		assertThat(ItalianHolidays.of(2026)).hasSize(11);
	}

	@Test
	void overnightAndWeekendSpansSkipClosedTime() {
		BusinessCalendar calendar = weekdays();
		assertThat(calendar.addWorkingTime(rome("2026-11-23T17:00"), Duration.ofHours(1)))
			.isEqualTo(rome("2026-11-24T09:30"));
		assertThat(calendar.addWorkingTime(rome("2026-11-27T17:00"), Duration.ofHours(1)))
			.isEqualTo(rome("2026-11-30T09:30"));
		assertThat(calendar.addWorkingTime(rome("2026-11-28T11:00"), Duration.ofMinutes(30)))
			.isEqualTo(rome("2026-11-30T09:30"));
	}

	@Test
	void holidaysEasterMondayAndPatronSaintAreClosed() {
		BusinessCalendar calendar = weekdays();
		// Friday before Easter 2026, then Easter Monday 6 April is closed
		assertThat(calendar.addWorkingTime(rome("2026-04-03T17:00"), Duration.ofHours(1)))
			.isEqualTo(rome("2026-04-07T09:30"));
		// San Massimo, Wednesday 10 June 2026
		assertThat(calendar.isWorking(rome("2026-06-10T10:00"))).isFalse();
		assertThat(calendar.addWorkingTime(rome("2026-06-09T17:00"), Duration.ofHours(1)))
			.isEqualTo(rome("2026-06-11T09:30"));
		// 8 December (Immacolata), a Tuesday in 2026
		assertThat(calendar.isWorking(rome("2026-12-08T10:00"))).isFalse();
	}

	@Test
	void saturdayOfficesWorkSaturdayMornings() {
		BusinessCalendar calendar = weekdays(DayOfWeek.SATURDAY);
		assertThat(calendar.addWorkingTime(rome("2026-11-27T17:00"), Duration.ofHours(1)))
			.isEqualTo(rome("2026-11-28T09:30"));
		assertThat(calendar.addWorkingTime(rome("2026-11-28T12:30"), Duration.ofHours(1)))
			.isEqualTo(rome("2026-11-30T09:30"));
	}

	@Test
	void daylightSavingSwitchDaysHaveAnHourMoreOrLess() {
		// a night service open on Sundays 00:00-06:00 across the switch at 02:00/03:00
		BusinessCalendar night = new BusinessCalendar("Europe/Rome",
				Map.of(DayOfWeek.SUNDAY, List.of(range("00:00", "06:00"))), Set.of(), Set.of());
		assertThat(night.workingTimeBetween(rome("2026-03-29T00:00"), rome("2026-03-29T23:00")))
			.isEqualTo(Duration.ofHours(5));
		assertThat(night.workingTimeBetween(rome("2026-10-25T00:00"), rome("2026-10-25T23:00")))
			.isEqualTo(Duration.ofHours(7));
		assertThat(night.workingTimeBetween(rome("2026-11-08T00:00"), rome("2026-11-08T23:00")))
			.isEqualTo(Duration.ofHours(6));
		// a normal office is unaffected: Monday after the spring switch starts at 09:00
		// local time
		assertThat(weekdays().addWorkingTime(rome("2026-03-27T17:00"), Duration.ofHours(1)))
			.isEqualTo(rome("2026-03-30T09:30"));
	}

	@Test
	void aClockPausedOverAWeekendCountsOnlyWorkingTime() {
		BusinessCalendar calendar = weekdays();
		Duration beforePause = calendar.workingTimeBetween(rome("2026-11-27T16:00"), rome("2026-11-27T17:00"));
		Duration afterResume = calendar.workingTimeBetween(rome("2026-11-30T09:00"), rome("2026-11-30T10:00"));
		assertThat(beforePause.plus(afterResume)).isEqualTo(Duration.ofHours(2));
		assertThat(calendar.workingTimeBetween(rome("2026-11-27T16:00"), rome("2026-11-30T10:00")))
			.isEqualTo(Duration.ofMinutes(150));
	}

	@Test
	void aWholeYearOfWorkingTime() {
		BusinessCalendar calendar = weekdays();
		// 2026: 261 weekdays, 7 national holidays on weekdays, San Massimo on a Wednesday
		Duration year = Duration.ofMinutes(253 * 510);
		assertThat(calendar.workingTimeBetween(rome("2026-01-01T00:00"), rome("2027-01-01T00:00"))).isEqualTo(year);
		assertThat(calendar.addWorkingTime(rome("2026-01-01T00:00"), year)).isEqualTo(rome("2026-12-31T17:30"));
	}

	@Test
	void badCalendarsAreRefusedWithAReason() {
		assertThatThrownBy(() -> range("17:00", "09:00")).isInstanceOf(InvalidCalendarException.class)
			.extracting((ex) -> ((InvalidCalendarException) ex).code())
			.isEqualTo("calendar.end-before-start");
		assertThatThrownBy(() -> new BusinessCalendar("Europe/Rome",
				Map.of(DayOfWeek.MONDAY, List.of(range("09:00", "13:00"), range("12:00", "17:00"))), Set.of(),
				Set.of()))
			.isInstanceOf(InvalidCalendarException.class)
			.extracting((ex) -> ((InvalidCalendarException) ex).code())
			.isEqualTo("calendar.overlap");
		assertThatThrownBy(() -> new BusinessCalendar("Europe/Atlantis", Map.of(), Set.of(), Set.of()))
			.extracting((ex) -> ((InvalidCalendarException) ex).code())
			.isEqualTo("calendar.unknown-zone");
		BusinessCalendar never = new BusinessCalendar("Europe/Rome", Map.of(), Set.of(), Set.of());
		assertThatThrownBy(() -> never.addWorkingTime(rome("2026-01-01T00:00"), Duration.ofHours(1)))
			.extracting((ex) -> ((InvalidCalendarException) ex).code())
			.isEqualTo("calendar.no-working-time");
	}

}
