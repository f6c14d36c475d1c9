package org.sportello.tasklist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sportello.cases.CaseSearch;
import org.sportello.cases.CaseStatus;
import org.sportello.cases.Cases;
import org.sportello.support.MariaDbApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark (bench/case-search.sh, never part of ./mvnw verify): one page of 50 of the
 * case search, and its count (the grid asks both), with 1,000,000 cases on MariaDB. The
 * cases are written directly as rows (case, contact, administration, name words) from
 * MariaDB's sequence engine: opening a million cases through the engine would take days.
 * Names come from 20 first names and 50 surnames, so a surname matches 20,000 cases.
 * Figures go to app/target/bench/case-search.txt.
 */
@MariaDbApplicationTest
@Tag("bench")
class CaseSearchBenchmark {

	static final String[] FIRST = { "maria", "giuseppe", "anna", "francesco", "giovanna", "antonio", "rosa", "giovanni",
			"lucia", "mario", "angela", "luigi", "teresa", "vincenzo", "carla", "pietro", "paola", "salvatore", "elena",
			"marco" };

	static final String[] LAST = { "rossi", "russo", "ferrari", "esposito", "bianchi", "romano", "colombo", "ricci",
			"marino", "greco", "bruno", "gallo", "conti", "deluca", "mancini", "costa", "giordano", "rizzo", "lombardi",
			"moretti", "barbieri", "fontana", "santoro", "mariani", "rinaldi", "caruso", "ferrara", "galli", "martini",
			"leone", "longo", "gentile", "martinelli", "vitale", "lombardo", "serra", "coppola", "desantis", "dangelo",
			"marchetti", "parisi", "villa", "conte", "ferraro", "ferri", "fabbri", "bianco", "marini", "grasso",
			"valentini" };

	static final String[] TOPICS = { "PENSION", "LOCAL_TAX", "RECONSTRUCTION_GRANT", "CIVIL_REGISTRY_CERTIFICATE",
			"GAS_CONNECTION", "HEALTH_BOOKING", "SCHOOL_BUILDINGS", "OTHER" };

	static final String[] OWNERS = { "INPS", "COMUNE-AQ", "COMUNE-AQ", "COMUNE-AQ", "COMUNE-AQ", "REGIONE-ABRUZZO",
			"PROVINCIA-AQ", "LINEA-AMICA" };

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Cases cases;

	@Test
	void pageOf50With1MillionCases() throws Exception {
		int count = Integer.getInteger("sportello.bench.cases", 1_000_000);
		long start = System.nanoTime();
		seed(count);
		StringBuilder report = new StringBuilder(String.format("seeded %,d cases in %.0f s (MariaDB %s)%n", count,
				(System.nanoTime() - start) / 1e9, this.jdbc.queryForObject("SELECT VERSION()", String.class)));
		Random random = new Random(5);
		report.append(measure("tracking code", (i) -> text(code(1 + random.nextInt(count))), "fo1"));
		report.append(measure("phone as typed (333 ...)",
				(i) -> text("333 " + String.format("%07d", 1 + random.nextInt(count))), "fo1"));
		report.append(measure("email", (i) -> text("c" + (1 + random.nextInt(count)) + "@example.org"), "fo1"));
		report.append(measure("surname (20,000 matches)", (i) -> text(LAST[random.nextInt(LAST.length)]), "fo1"));
		report.append(measure("first name and surname (1,000 matches)",
				(i) -> text(FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)]), "fo1"));
		report.append(measure("prefix 'ros' (rossi and rosa: 70,000 matches)", (i) -> text("ros"), "fo1"));
		report.append(measure("status RISOLTA, one month",
				(i) -> new CaseSearch(null, CaseStatus.RISOLTA, null, null,
						java.time.LocalDate.of(2025, 1 + random.nextInt(11), 1),
						java.time.LocalDate.of(2025, 1 + random.nextInt(11), 1).plusMonths(1), null),
				"fo1"));
		report.append(measure("still open, topic PENSION",
				(i) -> new CaseSearch(null, null, "PENSION", null, null, null, true), "fo1"));
		report.append(measure("no filter, newest first", (i) -> CaseSearch.any(), "fo1"));
		report.append(measure("back-office official (INPS), surname", (i) -> text(LAST[random.nextInt(LAST.length)]),
				"bo-inps"));
		report.append(measure("back-office official (INPS), no filter", (i) -> CaseSearch.any(), "bo-inps"));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_case WHERE id LIKE 'bench-%'", Integer.class))
			.isEqualTo(count);
		Path file = Path.of("target", "bench", "case-search.txt");
		Files.createDirectories(file.getParent());
		Files.writeString(file, report);
	}

	private String measure(String what, IntFunction<CaseSearch> searches, String user) {
		int runs = Integer.getInteger("sportello.bench.runs", 20);
		long[] page = new long[runs];
		long[] withCount = new long[runs];
		for (int i = -2; i < runs; i++) {
			CaseSearch search = searches.apply(i);
			long t0 = System.nanoTime();
			int rows = this.cases.search(search, user, 0, 50).size();
			long t1 = System.nanoTime();
			int total = this.cases.count(search, user);
			long t2 = System.nanoTime();
			if (rows == 0 && total > 0) {
				throw new IllegalStateException(what + ": an empty page of " + total);
			}
			if (i >= 0) {
				page[i] = t1 - t0;
				withCount[i] = t2 - t0;
			}
		}
		return String.format("%-42s page p50 %6.1f ms  p95 %6.1f ms | page + count p50 %6.1f ms  p95 %6.1f ms%n", what,
				p(page, 50), p(page, 95), p(withCount, 50), p(withCount, 95));
	}

	private static CaseSearch text(String text) {
		return new CaseSearch(text, null, null, null, null, null, null);
	}

	static String code(int n) {
		return String.format("SPT-%04d-%04d", n / 10_000, n % 10_000);
	}

	private static double p(long[] values, int percentile) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
	}

	private void seed(int count) {
		String first = "ELT(1 + MOD(seq, 20), " + quoted(FIRST) + ")";
		String last = "ELT(1 + MOD(FLOOR(seq / 20), 50), " + quoted(LAST) + ")";
		String topic = "ELT(1 + MOD(seq, 8), " + quoted(TOPICS) + ")";
		String owner = "ELT(1 + MOD(seq, 8), " + quoted(OWNERS) + ")";
		// a year of cases, one every 30 s; four in five finished
		String created = "TIMESTAMP '2025-01-01 08:00:00' + INTERVAL (seq * 30) SECOND";
		String seqs = "FROM seq_1_to_" + count;
		this.jdbc.execute("SET SESSION foreign_key_checks = 0");
		this.jdbc.execute("INSERT INTO spt_case (id, tracking_code, pin_hash, channel, topic_code, description, "
				+ "municipality, priority, status, opened_by, opened_office, created_at, updated_at, version) "
				+ "SELECT CONCAT('bench-', seq), CONCAT('SPT-', LPAD(FLOOR(seq / 10000), 4, '0'), '-', "
				+ "LPAD(MOD(seq, 10000), 4, '0')), 'x', 'PHONE', " + topic + ", 'Richiesta di prova', 'L''Aquila', "
				+ "'NORMAL', IF(MOD(seq, 5) = 0, 'IN_LAVORAZIONE', 'RISOLTA'), 'fo1', 'linea-amica-fo', " + created
				+ ", TIMESTAMP '2025-01-01 09:00:00' + INTERVAL (seq * 30) SECOND, 0 " + seqs);
		this.jdbc.execute("INSERT INTO spt_case_contact (case_id, name, phone, email, sms_consent, language) "
				+ "SELECT CONCAT('bench-', seq), CONCAT(" + first + ", ' ', " + last + "), "
				+ "CONCAT('+39333', LPAD(seq, 7, '0')), CONCAT('c', seq, '@example.org'), FALSE, 'it' " + seqs);
		this.jdbc
			.execute("INSERT INTO spt_case_administration (case_id, administration_code, role, since, case_created_at) "
					+ "SELECT CONCAT('bench-', seq), " + owner + ", 'OWNER', TIMESTAMP '2025-01-01 08:00:00', "
					+ created + " " + seqs);
		for (String word : new String[] { first, last }) {
			this.jdbc.execute("INSERT INTO spt_case_name_token (case_id, token, case_created_at) "
					+ "SELECT CONCAT('bench-', seq), " + word + ", " + created + " " + seqs);
		}
		this.jdbc.execute("SET SESSION foreign_key_checks = 1");
		this.jdbc.execute("ANALYZE TABLE spt_case, spt_case_contact, spt_case_administration, spt_case_name_token");
	}

	private static String quoted(String[] values) {
		return String.join(", ", Arrays.stream(values).map((v) -> "'" + v + "'").toList());
	}

}
