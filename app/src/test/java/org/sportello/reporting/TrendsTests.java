package org.sportello.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's trend arithmetic on counts with known answers. */
class TrendsTests {

	static final LocalDate END = LocalDate.of(2031, 6, 10);

	@Test
	void aTopicRisesWhenItsLastWeekExceedsTheMeanPlusTwoStandardDeviations() {
		List<ReportMapper.TopicDay> counts = new ArrayList<>();
		// eight weeks of 4, 5, 6, 5, 4, 5, 6, 5: mean 5, standard deviation sqrt(0.5),
		// threshold 6.41
		long[] history = { 4, 5, 6, 5, 4, 5, 6, 5 };
		for (int week = 1; week <= 8; week++) {
			counts
				.add(new ReportMapper.TopicDay("SEISMIC_RISK_REPORT", END.minusDays(7L * week + 3), history[week - 1]));
			counts.add(new ReportMapper.TopicDay("PENSION", END.minusDays(7L * week), history[week - 1]));
		}
		// the last seven days: END and the six days before
		counts.add(new ReportMapper.TopicDay("SEISMIC_RISK_REPORT", END, 4));
		counts.add(new ReportMapper.TopicDay("SEISMIC_RISK_REPORT", END.minusDays(6), 3));
		counts.add(new ReportMapper.TopicDay("PENSION", END.minusDays(2), 6));
		// new topics: 3 cases out of nothing rise, 2 are too few to say
		counts.add(new ReportMapper.TopicDay("VOLUNTEERING", END, 3));
		counts.add(new ReportMapper.TopicDay("LOCAL_TAX", END, 2));
		// outside the nine weeks: ignored
		counts.add(new ReportMapper.TopicDay("PENSION", END.minusDays(63), 500));
		counts.add(new ReportMapper.TopicDay("PENSION", END.plusDays(1), 500));

		List<TopicAlert> rising = Trends.rising(counts, END);

		assertThat(rising).extracting(TopicAlert::topicCode).containsExactly("SEISMIC_RISK_REPORT", "VOLUNTEERING");
		assertThat(rising.get(0).lastWeek()).isEqualTo(7);
		assertThat(rising.get(0).mean()).isEqualTo(5.0);
		assertThat(rising.get(0).threshold()).isCloseTo(5 + 2 * Math.sqrt(0.5),
				org.assertj.core.data.Offset.offset(1e-9));
		assertThat(Trends.historyStart(END)).isEqualTo(END.minusDays(62));
	}

	@Test
	void openCasesFallInAgeBands() {
		List<ReportMapper.DayCount> open = List.of(new ReportMapper.DayCount(END, 2),
				new ReportMapper.DayCount(END.minusDays(1), 1), new ReportMapper.DayCount(END.minusDays(2), 1),
				new ReportMapper.DayCount(END.minusDays(7), 1), new ReportMapper.DayCount(END.minusDays(30), 1),
				new ReportMapper.DayCount(END.minusDays(31), 4));

		assertThat(Trends.ageing(open, END)).extracting(Ageing::cases).containsExactly(3L, 1L, 1L, 1L, 4L);
		assertThat(Trends.ageing(open, END).get(4).toDays()).isNull();
	}

}
