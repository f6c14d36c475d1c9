package org.sportello.reporting;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sportello.support.MariaDbApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark (bench/reports.sh, never part of ./mvnw verify): the dashboard and the
 * exports with N anonymous facts (default 1,000,000, one year in the demo year's shape)
 * on MariaDB. For each query of a /reports page: p50/p95 over 10 runs after 2 warm-ups,
 * for the default three months, a whole year, and an administration's supervisor; then
 * the whole page; then an Excel and a CSV export of every fact, with the heap the run
 * used. Figures go to app/target/bench/reports.txt.
 */
@MariaDbApplicationTest
@Tag("bench")
class ReportsBenchmark {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Reports reports;

	@Autowired
	ReportExports exports;

	@Autowired
	DailyFigures daily;

	@Autowired
	OpenData openData;

	@Test
	void dashboardAndExportsWithAMillionCases() throws Exception {
		int count = Integer.getInteger("sportello.bench.facts", 1_000_000);
		LocalDate last = LocalDate.of(2030, 12, 31);
		long start = System.nanoTime();
		// the demo year has about 21,000 facts at 70 cases a weekday
		List<CaseFact> facts = DemoYear.year(last, Math.max(1, (int) Math.round(70.0 * count / 21_163)), "bench-");
		for (int from = 0; from < facts.size(); from += 50_000) {
			DemoYear.insert(this.jdbc, facts.subList(from, Math.min(facts.size(), from + 50_000)));
		}
		StringBuilder report = new StringBuilder(
				String.format(Locale.ROOT, "seeded %,d facts in %.0f s (MariaDB %s)%n", facts.size(),
						(System.nanoTime() - start) / 1e9, this.jdbc.queryForObject("SELECT VERSION()", String.class)));
		facts = null;
		long summing = System.nanoTime();
		this.daily.aggregateAll();
		report.append(String.format(Locale.ROOT,
				"summed into %,d pre-aggregated day rows (%,d month rows; spans of minutes %,d day rows, %,d month rows;"
						+ " outcomes %,d day rows)" + " in %.1f s%n",
				this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_dw_sum WHERE grain = 'D'", Long.class),
				this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_dw_sum WHERE grain = 'M'", Long.class),
				this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_dw_minutes WHERE grain = 'D'", Long.class),
				this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_dw_minutes WHERE grain = 'M'", Long.class),
				this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_dw_outcome WHERE grain = 'D'", Long.class),
				(System.nanoTime() - summing) / 1e9));
		ReportScope network = this.reports.scopeOf("supervisor1");
		ReportScope inps = new ReportScope(false, java.util.Set.of("INPS"));
		page(report, "three months, network", network,
				new ReportFilter(last.minusMonths(3).withDayOfMonth(1), last, null));
		page(report, "a year, network", network, new ReportFilter(last.minusDays(364), last, null));
		page(report, "three months, INPS supervisor", inps,
				new ReportFilter(last.minusMonths(3).withDayOfMonth(1), last, null));
		page(report, "one month, filter COMUNE-AQ", network,
				new ReportFilter(last.withDayOfMonth(1), last, "COMUNE-AQ"));

		ReportFilter all = new ReportFilter(last.minusDays(364), last, null);
		// the month's open data (month sums)
		report.append(String.format(Locale.ROOT, "open data %s: %,d lines%n", java.time.YearMonth.from(last),
				this.openData.rows(java.time.YearMonth.from(last)).size()));
		measure(report, "open data month", () -> this.openData.rows(java.time.YearMonth.from(last)));
		for (ReportExports.Format format : ReportExports.Format.values()) {
			Path file = Files.createTempFile("bench-report-", "." + format.extension());
			resetPeaks();
			long t0 = System.nanoTime();
			try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
				this.exports.write(network, all, format, ReportFilesTests.LABELS, out, (rows) -> {
				});
			}
			report.append(String.format(Locale.ROOT,
					"export %s of %,d rows: %.1f s, %,d bytes, heap peak %d MB (max %d MB)%n", format,
					this.exports.rows(network, all), (System.nanoTime() - t0) / 1e9, Files.size(file), heapPeakMb(),
					Runtime.getRuntime().maxMemory() / (1024 * 1024)));
			Files.delete(file);
		}
		assertThat(
				this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_dw_case WHERE case_key LIKE 'bench-%'", Long.class))
			.isPositive();
		Path file = Path.of("target", "bench", "reports.txt");
		Files.createDirectories(file.getParent());
		Files.writeString(file, report);
	}

	private void page(StringBuilder report, String what, ReportScope scope, ReportFilter filter) {
		report.append(what).append(" (").append(filter.from()).append(" to ").append(filter.to()).append(")\n");
		List<long[]> all = new ArrayList<>();
		all.add(measure(report, "front-office total", () -> this.reports.total(scope, filter)));
		all.add(measure(report, "by front office", () -> this.reports.byFrontOffice(scope, filter)));
		all.add(measure(report, "by month", () -> this.reports.byMonth(scope, filter)));
		all.add(measure(report, "by administration",
				() -> this.reports.breakdown(scope, filter, Dimension.ADMINISTRATION)));
		all.add(measure(report, "by topic", () -> this.reports.breakdown(scope, filter, Dimension.TOPIC)));
		all.add(measure(report, "by channel", () -> this.reports.breakdown(scope, filter, Dimension.CHANNEL)));
		all.add(measure(report, "by topic class", () -> this.reports.breakdown(scope, filter, Dimension.TOPIC_CLASS)));
		all.add(measure(report, "by outcome class",
				() -> this.reports.breakdown(scope, filter, Dimension.OUTCOME_CLASS)));
		all.add(measure(report, "medians", () -> this.reports.medians(scope, filter)));
		all.add(measure(report, "by office leg", () -> this.reports.byOfficeLeg(scope, filter)));
		all.add(measure(report, "every case (ratings)", () -> this.reports.everyCase(scope, filter)));
		all.add(measure(report, "backlog", () -> this.reports.backlog(scope, filter)));
		all.add(measure(report, "rising topics", () -> this.reports.risingTopics(scope, filter)));
		long[] page = new long[all.get(0).length];
		for (long[] query : all) {
			for (int i = 0; i < page.length; i++) {
				page[i] += query[i];
			}
		}
		Arrays.sort(page);
		report.append(String.format(Locale.ROOT, "  whole page: p50 %.1f ms, p95 %.1f ms%n",
				page[page.length / 2] / 1e6, page[(int) Math.ceil(page.length * 0.95) - 1] / 1e6));
	}

	private static long[] measure(StringBuilder report, String what, Supplier<Object> query) {
		int runs = Integer.getInteger("sportello.bench.runs", 10);
		long[] times = new long[runs];
		for (int i = -2; i < runs; i++) {
			long t0 = System.nanoTime();
			query.get();
			if (i >= 0) {
				times[i] = System.nanoTime() - t0;
			}
		}
		long[] sorted = times.clone();
		Arrays.sort(sorted);
		report.append(String.format(Locale.ROOT, "  %-22s p50 %7.1f ms, p95 %7.1f ms%n", what, sorted[runs / 2] / 1e6,
				sorted[(int) Math.ceil(runs * 0.95) - 1] / 1e6));
		return times;
	}

	private static void resetPeaks() {
		System.gc();
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	private static long heapPeakMb() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.mapToLong((pool) -> pool.getPeakUsage().getUsed())
			.sum() / (1024 * 1024);
	}

}
