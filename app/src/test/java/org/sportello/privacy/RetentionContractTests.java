package org.sportello.privacy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sportello.cases.Attachments;
import org.sportello.cases.Cases;
import org.sportello.cases.Channel;
import org.sportello.cases.OpenedCase;
import org.sportello.cases.Rating;
import org.sportello.cases.Ratings;
import org.sportello.intake.IntakeRequest;
import org.sportello.intake.IntakeService;
import org.sportello.support.TestClock;
import org.sportello.tasklist.BackOfficeActions;
import org.sportello.tasklist.BackOfficeOutcome;
import org.sportello.tasklist.TaskActions;

import org.sportello.reporting.DailyFigures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GDPR retention with the engine's clock, in March 2001 (before any other test's cases,
 * so that the runs here erase nothing of theirs): a case answered at the front office
 * (with an attachment, an internal note, a rating with a comment) and one answered by
 * INPS are erased once 24 months have passed since their last change, not a day before;
 * an open case is kept; the warehouse keeps the same facts; two nodes erase each case
 * once.
 */
abstract class RetentionContractTests {

	static final ZoneId ROME = ZoneId.of("Europe/Rome");

	static final LocalDate MONDAY = LocalDate.of(2001, 3, 5);

	static final String NAME = "Maria Grazia D'Àngelo";

	/** This test's own: the search for a citizen's earlier cases shows the newest ten. */
	static final String PHONE = "+393337770001";

	static final String EMAIL = "maria.dangelo@example.it";

	@Autowired
	IntakeService intake;

	@Autowired
	BackOfficeActions backOffice;

	@Autowired
	TaskActions tasks;

	@Autowired
	Cases cases;

	@Autowired
	org.sportello.intake.SelfIntake selfIntake;

	@Autowired
	org.sportello.callback.CallbackRequests callbacks;

	@Autowired
	Ratings ratings;

	@Autowired
	Attachments attachments;

	@Autowired
	Retention retention;

	@Autowired
	LockingTaskExecutor locks;

	@Autowired
	Clock clock;

	@Autowired
	HistoryService history;

	@Autowired
	RepositoryService repository;

	@Autowired
	ProcessEngineConfigurationImpl engine;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DailyFigures daily;

	@Value("${sportello.data-dir}")
	String dataDir;

	@AfterEach
	void realTimeAgain() {
		TestClock.reset();
	}

	@Test
	void personalDataOfFinishedCasesGoesAfterTheRetentionPeriodAndTheWarehouseStays() throws Exception {
		TestClock.set(at(MONDAY, 9, 30));
		OpenedCase answered = open();
		String attachment = this.attachments
			.attach(answered.caseId(), "referto.pdf", "%PDF-1.4 referto".getBytes(StandardCharsets.US_ASCII), "fo1")
			.id();
		this.tasks.addNote(answered.caseId(), "fo1", "Richiamare la signora D'Àngelo dopo le 15");
		this.intake.resolve(answered.trackingCode(), "Risposto al telefono: pensione in pagamento dal 1 aprile", "fo1");
		this.ratings.rate(this.cases.byId(answered.caseId()).orElseThrow(), Rating.Value.POSITIVE,
				"Gentilissimi, grazie Maria", Rating.Source.WEB);
		OpenedCase forwarded = open();
		this.intake.forward(forwarded.trackingCode(), "Serve la sede INPS per la signora", "fo1");
		TestClock.set(at(MONDAY.plusDays(1), 10, 0));
		this.backOffice.decide(forwarded.trackingCode(), "bo-inps", BackOfficeOutcome.ANSWER,
				"Gentile signora D'Àngelo, la pensione è liquidata", null);
		OpenedCase open = open();
		List<String> ours = List.of(answered.caseId(), forwarded.caseId(), open.caseId());
		List<Map<String, Object>> facts = facts(ours);
		assertThat(facts).hasSize(3);
		Path file = Path.of(this.dataDir, "attachments", answered.caseId(), attachment);
		assertThat(file).exists();
		// the engine keeps no history of variables (ADR 0027): the forms' free texts
		// never
		// reach it, before or after the erasure
		assertThat(historicVariables(answered.trackingCode())).isZero();

		// a day short of 24 months after the INPS answer: the answered case (last changed
		// on Monday, rated that day) is due, the INPS one not yet
		TestClock.set(at(MONDAY.plusYears(2), 12, 0));
		this.retention.run();
		assertThat(this.cases.erasedAt(answered.caseId())).isPresent();
		assertThat(this.cases.erasedAt(forwarded.caseId())).isEmpty();
		assertThat(contact(forwarded.caseId()).get("name")).isEqualTo(NAME);

		TestClock.set(at(MONDAY.plusYears(2).plusDays(1), 12, 0));
		this.retention.run();
		for (String caseId : List.of(answered.caseId(), forwarded.caseId())) {
			assertThat(this.cases.erasedAt(caseId)).isPresent();
			Map<String, Object> contact = contact(caseId);
			assertThat(contact.get("name")).isEqualTo("");
			assertThat(contact.get("phone")).isNull();
			assertThat(contact.get("email")).isNull();
			assertThat(count("SELECT COUNT(*) FROM spt_case WHERE id = ? AND description = ''", caseId)).isOne();
			assertThat(count("SELECT COUNT(*) FROM spt_case_name_token WHERE case_id = ?", caseId)).isZero();
			assertThat(count("SELECT COUNT(*) FROM spt_case_event WHERE case_id = ? AND detail IS NOT NULL", caseId))
				.isZero();
			assertThat(count("SELECT COUNT(*) FROM spt_case_answer WHERE case_id = ? AND body <> ''", caseId)).isZero();
			assertThat(
					count("SELECT COUNT(*) FROM spt_sms_message WHERE case_id = ? AND (to_number <> '' OR body <> '')",
							caseId))
				.isZero();
			assertThat(count(
					"SELECT COUNT(*) FROM spt_case_event WHERE case_id = ? AND event_type = 'PERSONAL_DATA_ERASED'",
					caseId))
				.isOne();
		}
		assertThat(count("SELECT COUNT(*) FROM spt_sms_message WHERE case_id = ?", answered.caseId()))
			.as("the SMS rows stay, for the counts")
			.isPositive();
		assertThat(count("SELECT COUNT(*) FROM spt_case_note WHERE case_id = ? AND body <> ''", answered.caseId()))
			.isZero();
		assertThat(this.ratings.of(answered.caseId())).hasValueSatisfying((rating) -> {
			assertThat(rating.rating()).isEqualTo(Rating.Value.POSITIVE);
			assertThat(rating.comment()).isNull();
		});
		assertThat(this.attachments.ofCase(answered.caseId())).isEmpty();
		assertThat(file).doesNotExist();
		assertThat(historicVariables(answered.trackingCode())).isZero();
		assertThat(this.cases.byId(answered.caseId()).orElseThrow().topicCode()).isEqualTo("PENSION");
		assertThat(this.cases.earlierCases(PHONE, null, "supervisor1")).extracting((c) -> c.id())
			.doesNotContain(answered.caseId(), forwarded.caseId())
			.contains(open.caseId());
		// the open case keeps everything
		assertThat(this.cases.erasedAt(open.caseId())).isEmpty();
		assertThat(contact(open.caseId()).get("phone")).isEqualTo(PHONE);

		assertThat(facts(ours)).as("the warehouse's facts, unchanged").isEqualTo(facts);

		// a second run finds nothing more of these
		this.retention.run();
		assertThat(
				count("SELECT COUNT(*) FROM spt_case_event WHERE case_id = ? AND event_type = 'PERSONAL_DATA_ERASED'",
						answered.caseId()))
			.isOne();
	}

	@Test
	void twoNodesEraseEachCaseOnce() throws Exception {
		LocalDate monday = MONDAY.plusWeeks(1);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			TestClock.set(at(monday, 9, i));
			OpenedCase opened = open("+393337770002");
			this.intake.resolve(opened.trackingCode(), "Risposto al telefono", "fo1");
			ids.add(opened.caseId());
		}
		TestClock.set(at(monday.plusYears(2).plusDays(1), 12, 0));
		Retention other = new Retention(this.cases, this.locks, this.clock, java.time.Period.ofMonths(24),
				this.selfIntake, this.callbacks);
		CountDownLatch start = new CountDownLatch(1);
		CompletableFuture<Retention.Outcome> first = CompletableFuture
			.supplyAsync(() -> runAfter(start, this.retention));
		CompletableFuture<Retention.Outcome> second = CompletableFuture.supplyAsync(() -> runAfter(start, other));
		start.countDown();
		Retention.Outcome a = first.get();
		Retention.Outcome b = second.get();
		assertThat(a.erased() + b.erased()).as("each case erased by one node").isGreaterThanOrEqualTo(30);
		for (String caseId : ids) {
			assertThat(count(
					"SELECT COUNT(*) FROM spt_case_event WHERE case_id = ? AND event_type = 'PERSONAL_DATA_ERASED'",
					caseId))
				.isOne();
		}
	}

	@Test
	void theEnginesHistoryIsCleanedUpWithTheRetentionPeriod() {
		// the models of processes/ and decisions/ (other tests deploy models of their
		// own)
		for (String key : List.of("citizenRequest", "kb-article")) {
			assertThat(this.repository.createProcessDefinitionQuery()
				.processDefinitionKey(key)
				.latestVersion()
				.singleResult()
				.getHistoryTimeToLive()).as(key).isEqualTo(730);
		}
		for (String key : List.of("routing", "priority", "slaTargets")) {
			assertThat(this.repository.createDecisionDefinitionQuery()
				.decisionDefinitionKey(key)
				.latestVersion()
				.singleResult()
				.getHistoryTimeToLive()).as(key).isEqualTo(730);
		}
		assertThat(this.engine.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
		assertThat(this.engine.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
	}

	private static Retention.Outcome runAfter(CountDownLatch start, Retention node) {
		try {
			start.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return node.run();
	}

	private OpenedCase open() {
		return open(PHONE);
	}

	private OpenedCase open(String phone) {
		return this.intake.open(new IntakeRequest(Channel.PHONE, "PENSION", "Chiede notizie della pensione di " + NAME,
				"L'Aquila", new IntakeRequest.Citizen(NAME, phone, EMAIL, true, "it"), Set.of()), "fo1");
	}

	private List<Map<String, Object>> facts(List<String> caseIds) {
		// the facts follow the cases after commit (ADR 0030)
		this.daily.aggregate();
		List<Map<String, Object>> facts = new ArrayList<>();
		for (String caseId : caseIds) {
			facts.addAll(this.jdbc.queryForList("SELECT f.* FROM spt_dw_case f JOIN spt_report_case r"
					+ " ON r.case_key = f.case_key WHERE r.case_id = ?", caseId));
		}
		return facts;
	}

	private Map<String, Object> contact(String caseId) {
		return this.jdbc.queryForMap("SELECT name, phone, email FROM spt_case_contact WHERE case_id = ?", caseId);
	}

	private long historicVariables(String trackingCode) {
		return this.history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(trackingCode)
			.list()
			.stream()
			.mapToLong((instance) -> this.history.createHistoricVariableInstanceQuery()
				.processInstanceId(instance.getId())
				.count())
			.sum();
	}

	private int count(String sql, String caseId) {
		return this.jdbc.queryForObject(sql, Integer.class, caseId);
	}

	private static Instant at(LocalDate day, int hour, int minute) {
		return day.atTime(hour, minute).atZone(ROME).toInstant();
	}

}
