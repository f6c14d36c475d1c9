package org.sportello.reporting;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.sportello.support.H2ApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo year looks like the network: the seeds' closure at the front office, the Civil
 * Protection class mix, weekly and seasonal rhythm, the autumn swarm; and it lands in the
 * warehouse once, where the reports read it.
 */
@H2ApplicationTest
class DemoYearTests {

	static final LocalDate LAST = LocalDate.of(2039, 12, 31);

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@Autowired
	Reports reports;

	@Autowired
	DailyFigures daily;

	@Test
	void theYearHasTheNetworksShape() {
		List<CaseFact> year = DemoYear.year(LAST);

		assertThat(year).hasSizeBetween(15_000, 25_000);
		assertThat(year).extracting(CaseFact::openedOn)
			.allMatch((day) -> !day.isAfter(LAST))
			.allMatch((day) -> day.isAfter(LAST.minusDays(365)));
		Set<String> keys = new HashSet<>();
		year.forEach((fact) -> keys.add(fact.caseKey()));
		assertThat(keys).hasSameSizeAs(year);

		double closed = share(year, CaseFact::closedAtFrontOffice);
		assertThat(closed).isBetween(0.70, 0.80);
		List<CaseFact> finishedForwarded = year.stream()
			.filter((fact) -> !fact.closedAtFrontOffice() && fact.workingMinutes() != null)
			.toList();
		double meanWorking = finishedForwarded.stream().mapToLong(CaseFact::workingMinutes).average().orElseThrow();
		assertThat(meanWorking).as("mean working minutes of the forwarded cases").isBetween(1500.0, 2300.0);
		double overall = year.stream()
			.filter((fact) -> fact.workingMinutes() != null)
			.mapToLong(CaseFact::workingMinutes)
			.average()
			.orElseThrow();
		assertThat(overall).as("front and back office together, near 8 h 37 min").isBetween(420.0, 600.0);
		List<CaseFact> rated = year.stream().filter((fact) -> fact.rating() != null).toList();
		assertThat(share(rated, (fact) -> !"NEGATIVE".equals(fact.rating()))).isBetween(0.88, 0.96);

		// Civil Protection's classes: seismic above weather above volunteering
		long seismic = count(year, (fact) -> fact.topicCode().equals("SEISMIC_RISK_REPORT"));
		long weather = count(year, (fact) -> fact.topicCode().equals("WEATHER_HYDRO_RISK"));
		long volunteering = count(year, (fact) -> fact.topicCode().equals("VOLUNTEERING"));
		assertThat(seismic).isGreaterThan(weather);
		assertThat(weather).isGreaterThan(3 * volunteering);

		long mondays = count(year, (fact) -> fact.openedOn().getDayOfWeek() == DayOfWeek.MONDAY);
		long sundays = count(year, (fact) -> fact.openedOn().getDayOfWeek() == DayOfWeek.SUNDAY);
		assertThat(mondays).isGreaterThan(10 * sundays);
		long january = count(year, (fact) -> fact.openedOn().getMonth() == Month.JANUARY);
		long august = count(year, (fact) -> fact.openedOn().getMonth() == Month.AUGUST);
		assertThat(january).isGreaterThan(2 * august);
		LocalDate swarm = LocalDate.of(2039, 10, 20);
		long swarmSeismic = count(year, (fact) -> !fact.openedOn().isBefore(swarm)
				&& fact.openedOn().isBefore(swarm.plusDays(7)) && fact.topicCode().equals("SEISMIC_RISK_REPORT"));
		assertThat(swarmSeismic).as("the swarm week").isGreaterThan(5 * seismic / 52);
		assertThat(year).filteredOn((fact) -> fact.closedOn() == null)
			.isNotEmpty()
			.allMatch((fact) -> fact.openedOn().isAfter(LAST.minusDays(10)));
	}

	@Test
	void theYearLandsOnceAndTheReportsReadIt() throws Exception {
		Clock newYear = Clock.fixed(LAST.plusDays(1).atTime(9, 0).atZone(ZoneId.of("Europe/Rome")).toInstant(),
				ZoneId.of("Europe/Rome"));
		DemoYear demo = new DemoYear(this.jdbc, this.daily, newYear, this.transactions, true);
		demo.fill();
		long facts = this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_dw_case WHERE case_key LIKE 'demo-%'",
				Long.class);
		demo.fill();
		assertThat(
				this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_dw_case WHERE case_key LIKE 'demo-%'", Long.class))
			.isEqualTo(facts)
			.isEqualTo(DemoYear.year(LAST).size());

		ReportFilter december = new ReportFilter(LAST.withDayOfMonth(1), LAST, null);
		Figures total = this.reports.total(this.reports.scopeOf("admin"), december);
		assertThat(total.cases()).isPositive();
		assertThat(total.closureRate()).isBetween(0.65, 0.85);
		assertThat(this.reports.breakdown(this.reports.scopeOf("admin"), december, Dimension.TOPIC)).hasSize(14);
	}

	private static long count(List<CaseFact> facts, Predicate<CaseFact> test) {
		return facts.stream().filter(test).count();
	}

	private static double share(List<CaseFact> facts, Predicate<CaseFact> test) {
		return (double) count(facts, test) / facts.size();
	}

}
