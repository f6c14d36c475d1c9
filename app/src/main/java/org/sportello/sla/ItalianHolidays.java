package org.sportello.sla;

import java.time.LocalDate;
import java.time.Month;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Italian national public holidays of a year, Easter Monday included (computed). */
public final class ItalianHolidays {

	private ItalianHolidays() {
	}

	/**
	 * The year's holidays. Easter Monday can fall on 25 April (2011, 2095): one day then,
	 * not an error.
	 */
	public static Set<LocalDate> of(int year) {
		// every deadline walks days of a calendar, and each day asked for its year's
		// holidays: a year is computed once
		return YEARS.computeIfAbsent(year, ItalianHolidays::compute);
	}

	private static final java.util.Map<Integer, Set<LocalDate>> YEARS = new java.util.concurrent.ConcurrentHashMap<>();

	private static Set<LocalDate> compute(int year) {
		return Stream.of(LocalDate.of(year, Month.JANUARY, 1), LocalDate.of(year, Month.JANUARY, 6),
				easterSunday(year).plusDays(1), LocalDate.of(year, Month.APRIL, 25), LocalDate.of(year, Month.MAY, 1),
				LocalDate.of(year, Month.JUNE, 2), LocalDate.of(year, Month.AUGUST, 15),
				LocalDate.of(year, Month.NOVEMBER, 1), LocalDate.of(year, Month.DECEMBER, 8),
				LocalDate.of(year, Month.DECEMBER, 25), LocalDate.of(year, Month.DECEMBER, 26))
			.collect(Collectors.toUnmodifiableSet());
	}

	/** Gregorian Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
	public static LocalDate easterSunday(int year) {
		int a = year % 19;
		int b = year / 100;
		int c = year % 100;
		int d = b / 4;
		int e = b % 4;
		int f = (b + 8) / 25;
		int g = (b - f + 1) / 3;
		int h = (19 * a + b - d - g + 15) % 30;
		int i = c / 4;
		int k = c % 4;
		int l = (32 + 2 * e + 2 * i - h - k) % 7;
		int m = (a + 11 * h + 22 * l) / 451;
		int month = (h + l - 7 * m + 114) / 31;
		int day = ((h + l - 7 * m + 114) % 31) + 1;
		return LocalDate.of(year, month, day);
	}

}
