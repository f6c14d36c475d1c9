package org.sportello.notify;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sportello.cases.CaseStatus;
import org.sportello.cases.Channel;
import org.sportello.cases.OpenedCase;
import org.sportello.intake.IntakeRequest;
import org.sportello.intake.IntakeService;
import org.sportello.notify.SmsMessage.Status;
import org.sportello.support.FakeTwilio;
import org.sportello.support.FakeTwilioInitializer;
import org.sportello.support.H2ApplicationTest;
import org.sportello.support.TwilioSignatures;
import org.sportello.support.TestClock;
import org.sportello.tasklist.BackOfficeActions;
import org.sportello.tasklist.BackOfficeOutcome;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Status SMS end to end with the real Twilio SDK against a fake Twilio HTTP server:
 * outbox written with the status change, send, retry of a transient failure, permanent
 * failure shown on the case, delivery receipts, texts from citizens (STATO, STOP, START,
 * ratings), forged signatures, quiet hours and the per-number limit.
 */
@H2ApplicationTest
class SmsLifecycleTests {

	static final ZoneId ROME = ZoneId.of("Europe/Rome");

	/** A Tuesday morning: outside the quiet hours. */
	static final Instant MORNING = LocalDateTime.of(2027, 1, 12, 10, 0).atZone(ROME).toInstant();

	@LocalServerPort
	int port;

	@Autowired
	IntakeService intake;

	@Autowired
	SmsDispatcher dispatcher;

	@Autowired
	SmsOutbox outbox;

	@Autowired
	BackOfficeActions backOffice;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TwilioSmsGateway gateway;

	final FakeTwilio twilio = FakeTwilio.shared();

	TwilioSignatures webhooks;

	@BeforeEach
	void morning() {
		TestClock.set(MORNING);
		this.twilio.reset();
		this.webhooks = new TwilioSignatures(this.port);
	}

	@AfterEach
	void realTimeAgain() {
		TestClock.reset();
		this.twilio.reset();
	}

	@Test
	void statusChangeQueuesOneSmsThatTheDispatcherSendsThroughTwilio() {
		String phone = newPhone();
		OpenedCase opened = open(phone, true, "it");
		this.intake.forward(opened.trackingCode(), "Al back office INPS", "fo1");

		// forwarded and at work before anything was sent: one SMS with the latest news
		List<SmsMessage> queued = this.outbox.ofCase(opened.caseId());
		assertThat(queued).singleElement().satisfies((message) -> {
			assertThat(message.status()).isEqualTo(Status.QUEUED);
			assertThat(message.toNumber()).isEqualTo(phone);
		});
		assertThat(dispatchAll()).isPositive();

		SmsMessage sent = this.outbox.ofCase(opened.caseId()).get(0);
		assertThat(sent.status()).isEqualTo(Status.SENT);
		assertThat(sent.providerSid()).startsWith("SM");
		Map<String, String> request = this.twilio.acceptedTo(phone).get(0);
		assertThat(request.get("From")).isEqualTo(FakeTwilio.FROM);
		assertThat(request.get("StatusCallback")).isEqualTo(FakeTwilioInitializer.PUBLIC_URL + "/sms/status");
		assertThat(request.get("Body")).contains(opened.trackingCode())
			.contains("in lavorazione presso INPS")
			.contains(FakeTwilioInitializer.PUBLIC_URL + "/track?code=" + opened.trackingCode())
			.doesNotContain("Maria")
			.doesNotContain(opened.pin());
		assertThat(Gsm7.fitsOneSms(request.get("Body"))).isTrue();
		assertThat(this.twilio.violations()).isEmpty();
	}

	@Test
	void theTextNamesTheAdministrationInChargeAtTheTimeOfTheStatus() {
		OpenedCase opened = open(newPhone(), true, "it");
		this.intake.forward(opened.trackingCode(), "Al back office INPS", "fo1");
		assertThat(this.outbox.ofCase(opened.caseId())).singleElement()
			.satisfies((message) -> assertThat(message.body()).contains("in lavorazione presso INPS"));
		dispatchAll();

		this.backOffice.decide(opened.trackingCode(), "bo-inps", BackOfficeOutcome.TRANSFER,
				"Competenza del Comune per i tributi", "COMUNE-AQ");
		// as queued, not only as sent: the new administration, never the old one or a
		// placeholder
		SmsMessage afterTransfer = queued(opened);
		assertThat(afterTransfer.caseStatus()).isEqualTo(CaseStatus.IN_LAVORAZIONE);
		assertThat(afterTransfer.body()).contains("presso Comune dell'Aquila")
			.doesNotContain("INPS")
			.doesNotContain("presso Sportello");

		this.backOffice.decide(opened.trackingCode(), "bo-comune", BackOfficeOutcome.ANSWER,
				"Esenzione riconosciuta per il 2026", null);
		SmsMessage answered = queued(opened);
		assertThat(answered.caseStatus()).isEqualTo(CaseStatus.RISOLTA);
		assertThat(answered.body()).contains("ha una risposta")
			.contains(FakeTwilioInitializer.PUBLIC_URL + "/track?code=" + opened.trackingCode());
	}

	@Test
	void noConsentNoSmsAndEnglishWhenTheCitizenChoseIt() {
		OpenedCase silent = open(newPhone(), false, "it");
		assertThat(this.outbox.ofCase(silent.caseId())).isEmpty();

		String phone = newPhone();
		open(phone, true, "en");
		dispatchAll();
		assertThat(this.twilio.acceptedTo(phone)).singleElement()
			.satisfies((request) -> assertThat(request.get("Body")).startsWith("Sportello: request received, code"));
	}

	@Test
	void transientFailureIsRetriedWithBackoffAndPermanentFailureStopsAndShowsOnTheCase() {
		String phone = newPhone();
		OpenedCase opened = open(phone, true, "it");
		// the SDK itself tries a request that fails with 5xx three times (and its HTTP
		// client repeats 503s); after that the dispatcher retries later
		for (int i = 0; i < 3; i++) {
			this.twilio.failNext(phone, 500, 20500);
		}
		dispatchAll();
		SmsMessage retrying = this.outbox.ofCase(opened.caseId()).get(0);
		assertThat(retrying.status()).isEqualTo(Status.QUEUED);
		assertThat(retrying.attempts()).isOne();
		assertThat(retrying.nextAttemptAt()).isEqualTo(MORNING.plus(SmsDispatcher.FIRST_RETRY));
		dispatchAll();
		assertThat(this.twilio.acceptedTo(phone)).isEmpty();
		TestClock.set(MORNING.plus(SmsDispatcher.FIRST_RETRY));
		dispatchAll();
		assertThat(this.twilio.acceptedTo(phone)).hasSize(1);
		assertThat(this.outbox.ofCase(opened.caseId()).get(0).status()).isEqualTo(Status.SENT);

		String invalid = newPhone();
		OpenedCase unreachable = open(invalid, true, "it");
		this.twilio.failNext(invalid, 400, 21211);
		dispatchAll();
		SmsMessage rejected = this.outbox.ofCase(unreachable.caseId()).get(0);
		assertThat(rejected.status()).isEqualTo(Status.REJECTED);
		assertThat(rejected.lastError()).contains("21211");
		TestClock.set(MORNING.plus(Duration.ofHours(2)));
		dispatchAll();
		assertThat(this.twilio.acceptedTo(invalid)).isEmpty();
		assertThat(timeline(unreachable.caseId(), "SMS_FAILED")).isOne();
		assertThat(SmsDispatcher.backoff(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(SmsDispatcher.backoff(3)).isEqualTo(Duration.ofMinutes(2));
		assertThat(SmsDispatcher.backoff(12)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void deliveryReceiptsUpdateTheMessageAndForgedOnesAreRefused() {
		String phone = newPhone();
		OpenedCase opened = open(phone, true, "it");
		dispatchAll();
		String sid = this.outbox.ofCase(opened.caseId()).get(0).providerSid();

		Map<String, String> delivered = Map.of("MessageSid", sid, "MessageStatus", "delivered", "AccountSid",
				FakeTwilio.ACCOUNT_SID);
		assertThat(this.webhooks.post("/sms/status", delivered, "forged").statusCode()).isEqualTo(403);
		assertThat(this.webhooks.post("/sms/status", delivered, null).statusCode()).isEqualTo(403);
		assertThat(this.outbox.ofCase(opened.caseId()).get(0).status()).isEqualTo(Status.SENT);
		// signed for another URL (a proxy's view of it) is forged too
		assertThat(this.webhooks
			.post("/sms/status", delivered,
					TwilioSignatures.sign("http://localhost:" + this.port + "/sms/status", delivered,
							FakeTwilio.AUTH_TOKEN))
			.statusCode()).isEqualTo(403);

		assertThat(this.webhooks.post("/sms/status", delivered).statusCode()).isEqualTo(204);
		assertThat(this.outbox.ofCase(opened.caseId()).get(0).status()).isEqualTo(Status.DELIVERED);
		// a late "sent" never moves a delivered message back
		this.webhooks.post("/sms/status", Map.of("MessageSid", sid, "MessageStatus", "sent"));
		assertThat(this.outbox.ofCase(opened.caseId()).get(0).status()).isEqualTo(Status.DELIVERED);

		HttpResponse<String> missing = this.webhooks.post("/sms/status", Map.of("MessageStatus", "delivered"));
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(missing.body()).contains("MessageSid");
		assertThat(this.webhooks.post("/sms/status", Map.of("MessageSid", "SM' OR 1=1 --", "MessageStatus", "failed"))
			.statusCode()).isEqualTo(204);

		String other = newPhone();
		OpenedCase undelivered = open(other, true, "it");
		dispatchAll();
		String otherSid = this.outbox.ofCase(undelivered.caseId()).get(0).providerSid();
		this.webhooks.post("/sms/status",
				Map.of("MessageSid", otherSid, "MessageStatus", "undelivered", "ErrorCode", "30003"));
		assertThat(this.outbox.ofCase(undelivered.caseId()).get(0).status()).isEqualTo(Status.UNDELIVERED);
		assertThat(timeline(undelivered.caseId(), "SMS_FAILED")).isOne();
		// officials see it on the case
		com.fasterxml.jackson.databind.JsonNode kase = new org.sportello.support.ApiClient(this.port)
			.get("/api/cases/" + undelivered.trackingCode(), "fo1")
			.json();
		assertThat(kase.at("/sms/0/status").asText()).isEqualTo("UNDELIVERED");
		assertThat(kase.at("/sms/0/error").asText()).contains("30003");
	}

	@Test
	void citizenTextsStatoStopStartAndARating() {
		String phone = newPhone();
		OpenedCase opened = open(phone, true, "it");
		this.intake.forward(opened.trackingCode(), "Al back office INPS", "fo1");

		String status = inbound(phone, "stato " + opened.trackingCode().toLowerCase());
		assertThat(status).contains("<Message>").contains(opened.trackingCode()).contains("In lavorazione");
		assertThat(inbound(newPhone(), "STATO " + opened.trackingCode())).contains("nessuna richiesta");
		assertThat(inbound(phone, "STATUS SPT-2222-2222")).contains("no request with this code");

		assertThat(inbound(phone, "STOP")).contains("non riceverà più SMS");
		assertThat(this.outbox.isOptedOut(phone)).isTrue();
		OpenedCase later = open(phone, true, "it");
		assertThat(this.outbox.ofCase(later.caseId())).isEmpty();
		assertThat(inbound(phone, "START")).contains("di nuovo attivi");
		assertThat(this.outbox.isOptedOut(phone)).isFalse();

		assertThat(inbound(phone, "1")).contains("non ci sono richieste concluse");
		this.intake.resolve(later.trackingCode(), "Risposta data al telefono", "fo1");
		assertThat(inbound(phone, "1")).contains("grazie");
		assertThat(this.jdbc.queryForObject("SELECT rating || '/' || channel FROM spt_rating WHERE case_id = ?",
				String.class, later.caseId()))
			.isEqualTo("POSITIVE/SMS");
		assertThat(inbound(phone, "3")).contains("già stata valutata");

		// a captured START replayed after a STOP changes nothing and gets the first
		// answer
		String start = "SM" + UUID.randomUUID().toString().replace("-", "");
		String started = inbound(phone, "START", start);
		assertThat(inbound(phone, "STOP")).contains("non riceverà più SMS");
		assertThat(inbound(phone, "START", start)).isEqualTo(started);
		assertThat(this.outbox.isOptedOut(phone)).isTrue();
		assertThat(inbound(phone, "START")).contains("di nuovo attivi");
		assertThat(this.outbox.isOptedOut(phone)).isFalse();
		assertThat(this.webhooks.post("/sms/inbound", Map.of("From", phone, "Body", "START")).statusCode())
			.as("no MessageSid")
			.isEqualTo(400);

		// short texts that are no command get the help, never an error (longer ones are
		// requests: citizensTextARequest)
		for (String text : List.of("", "ciao", "STATO", "STATO a b c", "😀 grazie", "\u0000\u0007 ciao ciao")) {
			assertThat(inbound(phone, text)).as(text).contains("STATO");
		}
		assertThat(this.webhooks.post("/sms/inbound", Map.of("Body", "STATO")).statusCode()).isEqualTo(400);
		assertThat(this.webhooks.post("/sms/inbound", Map.of("From", "not a number", "Body", "STOP")).statusCode())
			.isEqualTo(400);
		assertThat(this.webhooks.post("/sms/inbound", Map.of("From", phone, "Body", "STOP"), "forged").statusCode())
			.isEqualTo(403);
		assertThat(this.outbox.isOptedOut(phone)).isFalse();
	}

	@Test
	void citizensTextARequestAndGetItsCodeOrAddToTheirOpenCase() {
		TestClock.set(LocalDateTime.of(2027, 2, 9, 10, 0).atZone(ROME).toInstant());
		String phone = newPhone();
		List<String> texts = List.of("Buongiorno, la strada per Paganica è chiusa da ieri, quando riapre?",
				"DROP TABLE spt_case; --", "<script>alert(1)</script>", "x".repeat(1500));
		List<String> codes = new java.util.ArrayList<>();
		for (String text : texts) {
			String reply = inbound(phone, text);
			java.util.regex.Matcher code = java.util.regex.Pattern.compile("SPT-[0-9A-Z]{4}-[0-9A-Z]{4}")
				.matcher(reply);
			assertThat(code.find()).as(reply).isTrue();
			assertThat(reply).contains("richiesta registrata").doesNotContain("PIN");
			codes.add(code.group());
		}
		for (int i = 0; i < texts.size(); i++) {
			String caseId = this.jdbc.queryForObject("SELECT id FROM spt_case WHERE tracking_code = ?", String.class,
					codes.get(i));
			assertThat(this.jdbc.queryForObject(
					"SELECT channel || '|' || topic_code || '|' || description " + "FROM spt_case WHERE id = ?",
					String.class, caseId))
				.as("kept as written")
				.isEqualTo("SMS|OTHER|" + texts.get(i));
			// the answer to the text gave the code: no second "received" SMS
			assertThat(this.outbox.ofCase(caseId)).isEmpty();
		}
		// a text naming the open case's code goes to that case
		assertThat(inbound(phone, "Per la " + codes.get(0) + ": anche il bus 16 non passa"))
			.contains("aggiunto alla richiesta " + codes.get(0));
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM spt_case_event e JOIN spt_case c ON c.id = e.case_id "
						+ "WHERE c.tracking_code = ? AND e.event_type = 'CITIZEN_REPLIED'",
				Integer.class, codes.get(0)))
			.isOne();
		// the fifth request in an hour is the last
		inbound(phone, "Un'altra domanda sulla tassa dei rifiuti");
		int cases = this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_case_contact WHERE phone = ?", Integer.class,
				phone);
		assertThat(inbound(phone, "E ancora una domanda sulla scuola")).contains("molte richieste");
		assertThat(
				this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_case_contact WHERE phone = ?", Integer.class, phone))
			.isEqualTo(cases)
			.isEqualTo(5);
		// the case gets its status SMS like any other
		this.intake.forward(codes.get(0), "Alla Provincia", "fo1");
		String caseId = this.jdbc.queryForObject("SELECT id FROM spt_case WHERE tracking_code = ?", String.class,
				codes.get(0));
		assertThat(this.outbox.ofCase(caseId)).singleElement()
			.satisfies((message) -> assertThat(message.body()).contains(codes.get(0)));
	}

	@Test
	void nothingGoesOutInQuietHoursAndOneNumberGetsAtMostFivePerHour() {
		String phone = newPhone();
		Instant night = LocalDateTime.of(2027, 1, 12, 22, 30).atZone(ROME).toInstant();
		TestClock.set(night);
		OpenedCase opened = open(phone, true, "it");
		assertThat(this.dispatcher.dispatchOnce()).isZero();
		TestClock.set(night.plus(Duration.ofHours(9)));
		assertThat(this.dispatcher.dispatchOnce()).isZero();
		assertThat(this.outbox.ofCase(opened.caseId()).get(0).status()).isEqualTo(Status.QUEUED);
		TestClock.set(LocalDateTime.of(2027, 1, 13, 8, 0).atZone(ROME).toInstant());
		dispatchAll();
		assertThat(this.twilio.acceptedTo(phone)).hasSize(1);

		for (int i = 0; i < 5; i++) {
			open(phone, true, "it");
			dispatchAll();
		}
		assertThat(this.twilio.acceptedTo(phone)).hasSize(5);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM spt_sms_message WHERE to_number = ? AND status = 'QUEUED' AND last_error LIKE 'Per-number%'",
				Integer.class, phone))
			.isOne();
	}

	@Test
	void aMessageWhoseDispatcherDiedIsSentOnceWhetherOrNotItHadReachedTwilio() {
		// three messages claimed by a node that was then killed (kill -9): the first had
		// reached Twilio, the second had not, the third's text had gone to the same
		// number
		// a day earlier, long before this claim (an older message, not this one)
		String reached = newPhone();
		String lost = newPhone();
		String older = newPhone();
		Map<String, SmsMessage> messages = new java.util.HashMap<>();
		for (String phone : List.of(reached, lost, older)) {
			OpenedCase opened = open(phone, true, "it");
			this.intake.forward(opened.trackingCode(), "Al back office INPS", "fo1");
			messages.put(phone, this.outbox.ofCase(opened.caseId()).get(0));
		}
		Instant deadLease = MORNING.plus(SmsDispatcher.LEASE);
		this.twilio.clock(() -> MORNING);
		String sidOfReached = this.gateway.send(reached, this.outbox.currentBody(messages.get(reached)), "https://x/");
		this.twilio.clock(() -> MORNING.minus(Duration.ofDays(1)));
		this.gateway.send(older, this.outbox.currentBody(messages.get(older)), "https://x/");
		for (SmsMessage message : messages.values()) {
			this.jdbc.update("UPDATE spt_sms_message SET status = 'SENDING', locked_by = 'killed-node', "
					+ "locked_until = ? WHERE id = ?", java.sql.Timestamp.from(deadLease), message.id());
		}

		TestClock.set(deadLease.minusSeconds(1));
		assertThat(dispatchAll()).as("the lease still holds").isZero();
		TestClock.set(deadLease.plusSeconds(1));
		this.twilio.clock(() -> deadLease);
		assertThat(dispatchAll()).isEqualTo(3);

		assertThat(this.twilio.acceptedTo(reached)).hasSize(1);
		assertThat(this.outbox.ofCase(messages.get(reached).caseId()).get(0)).satisfies((message) -> {
			assertThat(message.status()).isEqualTo(Status.SENT);
			assertThat(message.providerSid()).isEqualTo(sidOfReached);
		});
		assertThat(this.twilio.acceptedTo(lost)).hasSize(1);
		assertThat(this.twilio.acceptedTo(older)).hasSize(2);
		for (String phone : List.of(lost, older)) {
			assertThat(this.outbox.ofCase(messages.get(phone).caseId()).get(0).status()).isEqualTo(Status.SENT);
		}
		assertThat(this.twilio.violations()).isEmpty();
	}

	private OpenedCase open(String phone, boolean consent, String language) {
		return this.intake.open(new IntakeRequest(Channel.PHONE, "PENSION", "Domanda sulla pensione di vecchiaia", null,
				new IntakeRequest.Citizen("Maria Rossi", phone, null, consent, language), Set.of()), "fo1");
	}

	private int dispatchAll() {
		int total = 0;
		for (int sent = this.dispatcher.dispatchOnce(); sent > 0; sent = this.dispatcher.dispatchOnce()) {
			total += sent;
		}
		return total;
	}

	/**
	 * The one message of the case still waiting to go (the newest status replaces it).
	 */
	private SmsMessage queued(OpenedCase opened) {
		List<SmsMessage> queued = this.outbox.ofCase(opened.caseId())
			.stream()
			.filter((message) -> message.status() == Status.QUEUED)
			.toList();
		assertThat(queued).hasSize(1);
		return queued.get(0);
	}

	private String inbound(String from, String body) {
		return inbound(from, body, "SM" + UUID.randomUUID().toString().replace("-", ""));
	}

	/** A text as Twilio delivers it, with its message id (a replay repeats the id). */
	private String inbound(String from, String body, String messageSid) {
		HttpResponse<String> response = this.webhooks.post("/sms/inbound",
				Map.of("From", from, "To", FakeTwilio.FROM, "Body", body, "MessageSid", messageSid));
		assertThat(response.statusCode()).as(body).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> type.contains("xml"));
		return response.body();
	}

	private int timeline(String caseId, String type) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_case_event WHERE case_id = ? AND event_type = ?",
				Integer.class, caseId, type);
	}

	static String newPhone() {
		return "+39333" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
	}

}
