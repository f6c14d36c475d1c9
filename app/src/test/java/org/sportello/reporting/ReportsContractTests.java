package org.sportello.reporting;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sportello.cases.Cases;
import org.sportello.cases.Channel;
import org.sportello.cases.Rating;
import org.sportello.cases.Ratings;
import org.sportello.cases.OpenedCase;
import org.sportello.intake.IntakeRequest;
import org.sportello.intake.IntakeService;
import org.sportello.knowledge.KnowledgeBase;
import org.sportello.security.Roles;
import org.sportello.support.TestClock;
import org.sportello.tasklist.BackOfficeActions;
import org.sportello.tasklist.BackOfficeOutcome;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The front offices' figures on a constructed day of cases with known answers, through
 * the real intake, engine, SLA clocks and knowledge base: Friday 30 May 2031 (Monday 2
 * June is the Festa della Repubblica), Linea Amica's contact center (09:00-18:00) opens
 * four cases and the Comune's URP one.
 */
abstract class ReportsContractTests {

	static final ZoneId ROME = ZoneId.of("Europe/Rome");

	static final LocalDate FRIDAY = LocalDate.of(2031, 5, 30);

	static final ReportFilter THAT_DAY = new ReportFilter(FRIDAY, FRIDAY, null);

	@Autowired
	IntakeService intake;

	@Autowired
	BackOfficeActions backOffice;

	@Autowired
	KnowledgeBase knowledge;

	@Autowired
	Reports reports;

	@Autowired
	ReportExports exports;

	@Autowired
	CaseFacts facts;

	@Autowired
	DailyFigures daily;

	@Autowired
	IdentityService identity;

	@Autowired
	Cases cases;

	@Autowired
	Ratings ratings;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.sportello.sla.SlaSweep sweep;

	@Autowired
	org.camunda.bpm.engine.RuntimeService runtime;

	@Autowired
	org.camunda.bpm.engine.ManagementService management;

	@Autowired
	OpenData openData;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@LocalServerPort
	int port;

	private LocalDate day;

	@AfterEach
	void realTimeAgain() {
		TestClock.reset();
	}

	@Test
	void frontOfficeClosureArticleShareAndWorkingTimeAcrossAWeekendAndAHoliday() {
		List<OpenedCase> day = constructTheDay();
		// by Tuesday the waiting case's front-office timers are due: run them now, as the
		// job executor (on in the MariaDB context) would at any moment, so that the
		// figures do not depend on which came first
		fireDueTimers(day.get(2).trackingCode());
		this.daily.aggregate();
		ReportScope network = this.reports.scopeOf("supervisor1");
		assertThat(network.network()).isTrue();

		Figures total = this.reports.total(network, THAT_DAY);
		assertThat(total.cases()).isEqualTo(5);
		assertThat(total.closedAtFrontOffice()).isEqualTo(3);
		assertThat(total.closureRate()).isEqualTo(0.6);
		assertThat(total.withArticle()).isOne();

		Figures lineaAmica = office(this.reports.byFrontOffice(network, THAT_DAY), "linea-amica-fo");
		assertThat(lineaAmica.administration()).isEqualTo("LINEA-AMICA");
		assertThat(lineaAmica.cases()).isEqualTo(4);
		assertThat(lineaAmica.finished()).isEqualTo(3);
		assertThat(lineaAmica.closedAtFrontOffice()).isEqualTo(2);
		assertThat(lineaAmica.closureRate()).isEqualTo(0.5);
		assertThat(lineaAmica.articleRate()).isEqualTo(0.5);
		// 30 + 15 working minutes at the front office; the forwarded case: Friday
		// 17:00-17:30 at INPS (network calendar until 17:30), nothing on Saturday, Sunday
		// and the holiday, Tuesday 09:00-10:00 = 90
		assertThat(lineaAmica.workingMinutes()).isEqualTo(30 + 15 + 90);
		assertThat(lineaAmica.meanWorkingMinutes()).isEqualTo(45);
		// calendar: 30 + 15 + (Friday 17:00 to Tuesday 10:00 = 89 h)
		assertThat(lineaAmica.calendarMinutes()).isEqualTo(30 + 15 + 89 * 60);
		assertThat(office(this.reports.byFrontOffice(network, THAT_DAY), "comune-aq-urp").closureRate()).isEqualTo(1.0);
		// medians of the four timed cases (0 at the Comune's counter, 15, 30, and 90
		// working
		// or 89 h calendar for the forwarded one): the lower middle one, 15 minutes
		assertThat(this.reports.medians(network, THAT_DAY)).isEqualTo(new Medians(15L, 15L));
		assertThat(this.reports.medians(network, new ReportFilter(FRIDAY, FRIDAY, "COMUNE-AQ")))
			.isEqualTo(new Medians(0L, 0L));
		// narrowed by topic or channel: the sums, and the medians from the facts
		assertThat(this.reports.total(network, new ReportFilter(FRIDAY, FRIDAY, null, "PENSION", "PHONE")).cases())
			.isEqualTo(5);
		assertThat(this.reports.total(network, new ReportFilter(FRIDAY, FRIDAY, null, "LOCAL_TAX", null)).cases())
			.isZero();
		assertThat(this.reports.everyCase(network, new ReportFilter(FRIDAY, FRIDAY, null, null, "EMAIL")).cases())
			.isZero();
		assertThat(this.reports.medians(network, new ReportFilter(FRIDAY, FRIDAY, null, "PENSION", null)))
			.isEqualTo(new Medians(15L, 15L));
		assertThat(this.reports.medians(network, new ReportFilter(FRIDAY, FRIDAY, null, null, "EMAIL")))
			.isEqualTo(new Medians(null, null));

		assertThat(this.reports.byMonth(network, new ReportFilter(FRIDAY.withDayOfMonth(1), FRIDAY.plusDays(1), null)))
			.singleElement()
			.satisfies((month) -> {
				assertThat(month.label()).isEqualTo("203105");
				assertThat(month.cases()).isEqualTo(5);
			});
		assertThat(this.reports.total(network, new ReportFilter(FRIDAY, FRIDAY, "COMUNE-AQ")).cases()).isOne();

		// every case: SLA by competent administration, topics, ratings
		assertThat(this.reports.breakdown(network, THAT_DAY, Dimension.ADMINISTRATION))
			.satisfiesExactlyInAnyOrder((none) -> {
				assertThat(none.label()).as("closed or waiting at the front office").isNull();
				assertThat(none.cases()).isEqualTo(4);
			}, (inps) -> {
				assertThat(inps.label()).isEqualTo("INPS");
				assertThat(inps.finished()).isOne();
				assertThat(inps.slaMet()).isOne();
				assertThat(inps.slaRate()).isEqualTo(1.0);
				assertThat(inps.meanWorkingMinutes()).isEqualTo(90);
			});
		assertThat(this.reports.breakdown(network, THAT_DAY, Dimension.TOPIC)).singleElement()
			.satisfies((topic) -> assertThat(topic.label() + ":" + topic.cases()).isEqualTo("PENSION:5"));
		assertThat(this.reports.breakdown(network, THAT_DAY, Dimension.CHANNEL)).extracting(Figures::label)
			.containsExactly("PHONE");
		// the uniform classification: the topic's class, the outcome the front office
		// chose (the article's case and the forwarded one have none)
		assertThat(this.reports.breakdown(network, THAT_DAY, Dimension.TOPIC_CLASS)).singleElement()
			.satisfies(
					(topicClass) -> assertThat(topicClass.label() + ":" + topicClass.cases()).isEqualTo("WELFARE:5"));
		assertThat(this.reports.breakdown(network, THAT_DAY, Dimension.OUTCOME_CLASS))
			.extracting((row) -> row.label() + ":" + row.cases())
			.containsExactlyInAnyOrder("null:3", "INFORMATION_GIVEN:1", "PROCEDURE_EXPLAINED:1");
		Figures every = this.reports.everyCase(network, THAT_DAY);
		assertThat(every.rated()).isEqualTo(3);
		assertThat(every.positiveRate()).isEqualTo(2.0 / 3);
		assertThat(every.negativeRate()).isEqualTo(1.0 / 3);
		assertThat(every.neutral()).isZero();
		// the waiting case, past the front office's target since Monday
		assertThat(every.slaBreached()).isOne();
		// five pension cases in the last seven days, none in the eight weeks before
		assertThat(this.reports.risingTopics(network, THAT_DAY)).extracting(TopicAlert::topicCode, TopicAlert::lastWeek)
			.contains(org.assertj.core.groups.Tuple.tuple("PENSION", 5L));
		assertThat(this.reports.backlog(network, THAT_DAY)).extracting(Ageing::cases)
			.as("the waiting case, with any other test's")
			.anySatisfy((cases) -> assertThat(cases).isPositive());
		// the open data of May 2031 (published once the month is over): the front
		// office's three pension calls on their line; the Comune's case and the one INPS
		// answered are groups of one, added up in an "ALTRO" line of two, which is left
		// out
		assertThat(this.openData.published(java.time.YearMonth.of(2031, 5))).isTrue();
		assertThat(this.openData.published(java.time.YearMonth.of(2031, 6))).isFalse();
		HttpResponse<String> published = publicGet("/api/public/open-data/2031-05.csv");
		assertThat(published.statusCode()).isEqualTo(200);
		assertThat(published.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		assertThat(published.body().split("\r\n")).containsExactly(String.join(",", OpenData.HEADER),
				"2031-05,LINEA-AMICA,Linea Amica - Formez PA,,,PENSION,Pensioni,WELFARE,Previdenza e sostegno al reddito,PHONE,3,2,2,2,1,1,0,0");
		assertThat(publicGet("/api/public/open-data/2031-06.csv").statusCode()).isEqualTo(404);
		HttpResponse<String> wrong = publicGet("/api/public/open-data/maggio.csv");
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(wrong.body()).contains("\"field\":\"month\"");
		assertThat(publicGet("/api/public/open-data").body()).contains("\"month\":\"2031-05\"")
			.doesNotContain("2031-06");

		// INPS's supervisors see the case INPS answered, not the front office's others
		ReportScope inps = this.reports.scopeOf(supervisor("sup-inps-rep", "inps-bo"));
		assertThat(this.reports.everyCase(inps, THAT_DAY).cases()).isOne();
		assertThat(this.reports.byFrontOffice(inps, THAT_DAY)).isEmpty();

		// an administration's supervisor sees its own front office only
		ReportScope comune = this.reports.scopeOf(supervisor("sup-comune-rep", "comune-aq-urp"));
		assertThat(comune.network()).isFalse();
		assertThat(this.reports.byFrontOffice(comune, THAT_DAY)).extracting(Figures::label)
			.containsExactly("comune-aq-urp");
		assertThat(this.reports.total(comune, THAT_DAY).cases()).isOne();
		assertThat(this.reports.total(comune, new ReportFilter(FRIDAY, FRIDAY, "LINEA-AMICA")).cases()).isZero();
		assertThat(this.reports.administrationsIn(comune)).containsExactly("COMUNE-AQ");

		// the office legs: Linea Amica's contact center triaged four cases (30 and 15
		// minutes for the two it answered, 0 for the one it forwarded at once; one still
		// waits, past its target by Tuesday), the Comune's counter one, INPS's back
		// office answered the forwarded
		// case
		// after 90 working minutes (its first response and the end of its part)
		assertThat(this.reports.byOfficeLeg(network, THAT_DAY))
			.extracting((leg) -> leg.officeGroupId() + ":" + leg.legs() + ":" + leg.finished() + ":"
					+ leg.meanResponseMinutes() + ":" + leg.meanWorkingMinutes() + ":" + leg.slaBreached())
			.containsExactly("linea-amica-fo:4:3:15:15:1", "comune-aq-urp:1:1:0:0:0", "inps-bo:1:1:90:90:0");
		assertThat(this.reports.byOfficeLeg(inps, THAT_DAY)).extracting(LegFigures::officeGroupId)
			.containsExactly("inps-bo");
		assertThat(this.reports.byOfficeLeg(comune, THAT_DAY)).extracting(LegFigures::officeGroupId)
			.containsExactly("comune-aq-urp");
	}

	@Test
	void theWarehouseHoldsNoPersonalValueOfAnyCase() {
		List<OpenedCase> opened = constructDay(FRIDAY.plusWeeks(1));
		Set<String> personal = new HashSet<>();
		for (OpenedCase one : opened) {
			this.jdbc
				.queryForList(
						"SELECT c.id, c.tracking_code, c.description, c.opened_by, k.name, k.phone, k.email"
								+ " FROM spt_case c JOIN spt_case_contact k ON k.case_id = c.id WHERE c.id = ?",
						one.caseId())
				.forEach((row) -> row.values().forEach((value) -> addIfText(personal, value)));
			this.jdbc.queryForList("SELECT comment FROM spt_rating WHERE case_id = ?", String.class, one.caseId())
				.forEach((comment) -> addIfText(personal, comment));
		}
		assertThat(personal).contains("Maria Grazia D'Àngelo", "+393331234567", "maria.dangelo@example.it",
				"Commento libero di prova");

		List<String> leaks = new ArrayList<>();
		List<Map<String, Object>> facts = new ArrayList<>(this.jdbc.queryForList("SELECT * FROM spt_dw_case"));
		facts.addAll(this.jdbc.queryForList("SELECT * FROM spt_dw_leg"));
		facts.addAll(this.jdbc.queryForList("SELECT * FROM spt_dw_sum"));
		facts.addAll(this.jdbc.queryForList("SELECT * FROM spt_dw_minutes"));
		facts.addAll(this.jdbc.queryForList("SELECT * FROM spt_dw_outcome"));
		assertThat(facts).hasSizeGreaterThanOrEqualTo(5);
		for (Map<String, Object> fact : facts) {
			fact.forEach((column, value) -> {
				String text = String.valueOf(value);
				personal.stream()
					.filter((one) -> text.equals(one) || (one.length() >= 4 && text.contains(one)))
					.forEach((one) -> leaks.add(column + "=" + text));
			});
		}
		assertThat(leaks).isEmpty();
	}

	@Test
	void aCasesFactFollowsItsChangesAfterTheirCommitAndARolledBackChangeLeavesNoMark() {
		this.day = FRIDAY.plusWeeks(4);
		moveTo(at(10, 0));
		this.facts.refreshMarked();
		OpenedCase opened = open("fo1", "PENSION");
		// opening the case (case row, timeline, clocks: several changes) marked it once
		assertThat(marksOf(opened.caseId())).isOne();
		assertThat(factStatusOf(opened.caseId())).isNull();

		assertThat(this.facts.refreshMarked()).isPositive();
		assertThat(marksOf(opened.caseId())).isZero();
		assertThat(factStatusOf(opened.caseId())).isEqualTo("RICEVUTA");

		this.intake.forward(opened.trackingCode(), "Serve la sede INPS per la signora", "fo1");
		assertThat(factStatusOf(opened.caseId())).isEqualTo("RICEVUTA");
		this.daily.aggregate();
		assertThat(factStatusOf(opened.caseId())).isNotEqualTo("RICEVUTA")
			.isEqualTo(this.cases.byId(opened.caseId()).orElseThrow().status().name());
		ReportFilter thatDay = new ReportFilter(this.day, this.day, null);
		assertThat(this.reports.total(this.reports.scopeOf("admin"), thatDay).cases()).isOne();

		assertThatThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			this.events.publishEvent(new org.sportello.cases.CaseChanged(opened.caseId()));
			throw new IllegalStateException("rolled back");
		})).hasMessage("rolled back");
		assertThat(marksOf(opened.caseId())).isZero();
	}

	private int marksOf(String caseId) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_dw_dirty_case WHERE case_id = ?", Integer.class,
				caseId);
	}

	private String factStatusOf(String caseId) {
		return this.jdbc
			.queryForList("SELECT f.status FROM spt_dw_case f JOIN spt_report_case r ON r.case_key = f.case_key"
					+ " WHERE r.case_id = ?", String.class, caseId)
			.stream()
			.findFirst()
			.orElse(null);
	}

	@Test
	void theBackfillWritesMissingFactsOnceAndTheSameFigures() {
		LocalDate friday = FRIDAY.plusWeeks(2);
		ReportFilter thatDay = new ReportFilter(friday, friday, null);
		List<OpenedCase> opened = constructDay(friday);
		Figures before = this.reports.total(this.reports.scopeOf("admin"), thatDay);
		String caseId = opened.get(0).caseId();
		String key = this.jdbc.queryForObject("SELECT case_key FROM spt_report_case WHERE case_id = ?", String.class,
				caseId);
		this.jdbc.update("DELETE FROM spt_dw_case WHERE case_key = ?", key);
		this.jdbc.update("DELETE FROM spt_report_case WHERE case_id = ?", caseId);
		// (removed behind the warehouse's back: the day is marked by hand)
		this.daily.mark(friday);
		this.daily.aggregate();
		assertThat(this.reports.total(this.reports.scopeOf("admin"), thatDay).cases()).isEqualTo(before.cases() - 1);

		this.facts.backfill();
		this.facts.backfill();
		this.daily.aggregate();

		assertThat(this.reports.total(this.reports.scopeOf("admin"), thatDay)).isEqualTo(before);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_report_case WHERE case_id = ?", Integer.class,
				caseId))
			.isOne();
	}

	@Test
	void exportsHoldThePeriodsCasesAndDisarmFormulasFromTheCatalogue() throws Exception {
		if (this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_topic WHERE code = 'X_FORMULA'", Integer.class) == 0) {
			this.jdbc.update(
					"INSERT INTO spt_topic (code, label_it, label_en, administration_code, active)"
							+ " VALUES ('X_FORMULA', ?, ?, 'LINEA-AMICA', TRUE)",
					ReportFilesTests.FORMULA, ReportFilesTests.FORMULA);
		}
		LocalDate friday = FRIDAY.plusWeeks(3);
		ReportFilter thatDay = new ReportFilter(friday, friday, null);
		constructDay(friday);
		moveTo(at(16, 0));
		open("fo1", "X_FORMULA");
		this.daily.aggregate();
		ReportScope network = this.reports.scopeOf("supervisor1");
		assertThat(this.exports.rows(network, thatDay)).isEqualTo(6);

		java.io.ByteArrayOutputStream xlsx = new java.io.ByteArrayOutputStream();
		this.exports.write(network, thatDay, ReportExports.Format.XLSX, ReportFilesTests.LABELS, xlsx, (rows) -> {
		});
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(xlsx.toByteArray()))) {
			assertThat(book.getSheetAt(0).getDrawingPatriarch().getCharts()).hasSize(1);
			org.apache.poi.ss.usermodel.Sheet cases = book.getSheetAt(1);
			assertThat(cases.getLastRowNum()).isEqualTo(6);
			List<String> topics = new ArrayList<>();
			for (int row = 1; row <= 6; row++) {
				assertThat(cases.getRow(row).getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(friday);
				org.apache.poi.ss.usermodel.Cell topic = cases.getRow(row).getCell(3);
				assertThat(topic.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
				assertThat(topic.getCellStyle().getQuotePrefixed()).isTrue();
				topics.add(topic.getStringCellValue());
			}
			assertThat(topics).containsOnly("Pensioni", ReportFilesTests.FORMULA);
		}

		java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
		this.exports.write(network, thatDay, ReportExports.Format.CSV, ReportFilesTests.LABELS, csv, (rows) -> {
		});
		String text = csv.toString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(text.lines()).hasSize(7);
		assertThat(text).contains(";\"'=HYPERLINK(").doesNotContain(";\"=HYPERLINK(").doesNotContain("Maria Grazia");

		// an administration's supervisor exports only what it may see
		ReportScope comune = this.reports.scopeOf(supervisor("sup-comune-rep", "comune-aq-urp"));
		assertThat(this.exports.rows(comune, thatDay)).isOne();
	}

	/**
	 * Runs the case's due timers; one that the job executor took meanwhile is not run
	 * twice (its escalation is conditional), and the loop ends when none is left due.
	 */
	private void fireDueTimers(String trackingCode) {
		org.sportello.support.CaseTimers timers = new org.sportello.support.CaseTimers(this.runtime, this.management,
				this.sweep, this.jdbc);
		for (int round = 0; round < 20; round++) {
			try {
				if (timers.fireDue(trackingCode) == 0) {
					return;
				}
			}
			catch (org.camunda.bpm.engine.ProcessEngineException ex) {
				// taken by the job executor at the same moment: look again
			}
		}
	}

	private List<OpenedCase> constructTheDay() {
		return constructDay(FRIDAY);
	}

	/**
	 * Opens a Friday's cases: answered at the front office, resolved with an article,
	 * still waiting, answered at the Comune's counter, forwarded to INPS and answered
	 * there on Tuesday. Each test has its own Friday (the application context is shared).
	 */
	private List<OpenedCase> constructDay(LocalDate friday) {
		this.day = friday;
		List<OpenedCase> day = new ArrayList<>();
		moveTo(at(9, 30));
		OpenedCase answered = open("fo1", "PENSION");
		moveTo(at(10, 0));
		this.intake.resolve(answered.trackingCode(), "Risposto al telefono", "INFORMATION_GIVEN", "fo1");
		OpenedCase withArticle = open("fo1", "PENSION");
		moveTo(at(10, 15));
		String article = this.knowledge.suggestions("pensione").get(0).article().id();
		this.intake.resolve(withArticle.trackingCode(), "Risposta della base di conoscenza", "fo1");
		this.knowledge.usedFor(withArticle.caseId(), article);
		moveTo(at(11, 0));
		OpenedCase waiting = open("fo1", "PENSION");
		moveTo(at(12, 0));
		OpenedCase comune = open("fo-comune", "PENSION");
		this.intake.resolve(comune.trackingCode(), "Risposto allo sportello", "PROCEDURE_EXPLAINED", "fo-comune");
		moveTo(at(17, 0));
		OpenedCase forwarded = open("fo1", "PENSION");
		this.intake.forward(forwarded.trackingCode(), "Serve la sede INPS", "fo1");
		moveTo(friday.plusDays(4).atTime(10, 0).atZone(ROME).toInstant());
		this.backOffice.decide(forwarded.trackingCode(), "bo-inps", BackOfficeOutcome.ANSWER, "Pensione liquidata",
				null);
		rate(answered, Rating.Value.POSITIVE);
		rate(forwarded, Rating.Value.POSITIVE);
		rate(comune, Rating.Value.NEGATIVE);
		day.addAll(List.of(answered, withArticle, waiting, comune, forwarded));
		this.daily.aggregate();
		return day;
	}

	private HttpResponse<String> publicGet(String path) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + this.port + path)).build(),
						HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void rate(OpenedCase opened, Rating.Value value) {
		this.ratings.rate(this.cases.byId(opened.caseId()).orElseThrow(), value, "Commento libero di prova",
				Rating.Source.WEB);
	}

	private OpenedCase open(String operator, String topic) {
		return this.intake.open(new IntakeRequest(Channel.PHONE, topic,
				"Chiede notizie della sua pensione di vecchiaia", "L'Aquila", new IntakeRequest.Citizen(
						"Maria Grazia D'Àngelo", "+393331234567", "maria.dangelo@example.it", true, "it"),
				Set.of()), operator);
	}

	private String supervisor(String id, String office) {
		if (this.identity.createUserQuery().userId(id).count() == 0) {
			this.identity.saveUser(this.identity.newUser(id));
			this.identity.createMembership(id, Roles.SUPERVISOR);
			this.identity.createMembership(id, office);
		}
		return id;
	}

	private static Figures office(List<Figures> rows, String office) {
		return rows.stream().filter((row) -> office.equals(row.label())).findFirst().orElseThrow();
	}

	private static void addIfText(Set<String> values, Object value) {
		if (value instanceof String text && !text.isBlank()) {
			values.add(text);
		}
	}

	private Instant at(int hour, int minute) {
		return this.day.atTime(hour, minute).atZone(ROME).toInstant();
	}

	private static void moveTo(Instant instant) {
		TestClock.set(instant);
	}

}
