package org.sportello.reporting;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Arithmetic of the dashboard's trends, on counts already read from the warehouse. */
final class Trends {

	/** Weeks of history a topic's last week is compared with. */
	static final int HISTORY_WEEKS = 8;

	/** Below this many cases in the last week a topic is not called rising. */
	static final int MIN_CASES = 3;

	private Trends() {
	}

	/**
	 * Topics whose last seven days (ending on {@code end}) exceed the mean plus two
	 * standard deviations (population) of the eight weeks before, largest first.
	 */
	static List<TopicAlert> rising(List<ReportMapper.TopicDay> counts, LocalDate end) {
		Map<String, long[]> weeks = new TreeMap<>();
		for (ReportMapper.TopicDay count : counts) {
			long back = ChronoUnit.DAYS.between(count.openedOn(), end);
			if (back < 0 || back >= 7L * (HISTORY_WEEKS + 1)) {
				continue;
			}
			weeks.computeIfAbsent(count.label(), (topic) -> new long[HISTORY_WEEKS + 1])[(int) (back / 7)] += count
				.cases();
		}
		List<TopicAlert> alerts = new ArrayList<>();
		weeks.forEach((topic, perWeek) -> {
			double mean = 0;
			for (int week = 1; week <= HISTORY_WEEKS; week++) {
				mean += perWeek[week];
			}
			mean /= HISTORY_WEEKS;
			double variance = 0;
			for (int week = 1; week <= HISTORY_WEEKS; week++) {
				variance += (perWeek[week] - mean) * (perWeek[week] - mean);
			}
			double threshold = mean + 2 * Math.sqrt(variance / HISTORY_WEEKS);
			if (perWeek[0] >= MIN_CASES && perWeek[0] > threshold) {
				alerts.add(new TopicAlert(topic, perWeek[0], mean, threshold));
			}
		});
		alerts.sort((a, b) -> Long.compare(b.lastWeek(), a.lastWeek()));
		return alerts;
	}

	/** The first day of the history {@link #rising} looks at. */
	static LocalDate historyStart(LocalDate end) {
		return end.minusDays(7L * (HISTORY_WEEKS + 1) - 1);
	}

	/** Open cases by age: 0-1, 2-3, 4-7, 8-30 days and older. */
	static List<Ageing> ageing(List<ReportMapper.DayCount> open, LocalDate today) {
		int[][] bands = { { 0, 1 }, { 2, 3 }, { 4, 7 }, { 8, 30 }, { 31, Integer.MAX_VALUE } };
		long[] cases = new long[bands.length];
		for (ReportMapper.DayCount day : open) {
			long age = Math.max(0, ChronoUnit.DAYS.between(day.openedOn(), today));
			for (int band = 0; band < bands.length; band++) {
				if (age <= bands[band][1]) {
					cases[band] += day.cases();
					break;
				}
			}
		}
		List<Ageing> result = new ArrayList<>();
		for (int band = 0; band < bands.length; band++) {
			result.add(new Ageing(bands[band][0], (bands[band][1] == Integer.MAX_VALUE) ? null : bands[band][1],
					cases[band]));
		}
		return result;
	}

}
