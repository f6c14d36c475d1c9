package org.sportello.callback;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sportello.support.ApiClient;
import org.sportello.support.H2ApplicationTest;
import org.sportello.support.TestClock;
import org.sportello.tasklist.TaskActions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Call-back requests with the application and the engine clock: an IVR posts a number on
 * Friday afternoon; the front office's call-back task is due on Monday within its
 * response target in working time; three calls that do not reach the citizen, two hours
 * of working time apart, end with one SMS (sent to the fake Twilio server); the number
 * never becomes a process variable.
 */
@H2ApplicationTest
class CallbackRequestsTests {

	static final ZoneId ROME = ZoneId.of("Europe/Rome");

	@LocalServerPort
	int port;

	@Autowired
	TaskService tasks;

	@Autowired
	TaskActions actions;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.sportello.notify.SmsDispatcher sms;

	@AfterEach
	void realTimeAgain() {
		TestClock.reset();
	}

	@Test
	void threeCallsThatDoNotReachTheCitizenEndWithAnSms() {
		TestClock.set(rome(2027, 1, 15, 16, 30));
		ApiClient api = new ApiClient(this.port);
		ApiClient.Response accepted = api.post("/api/public/callback", null,
				"{\"phone\":\"333 410 7788\",\"slot\":\"MORNING\",\"language\":\"it\"}");
		assertThat(accepted.status()).isEqualTo(202);
		String id = accepted.json().path("id").asText();

		Task call = callTask(id);
		assertThat(call.getName()).isEqualTo("Richiamare il cittadino");
		assertThat(this.tasks.getIdentityLinksForTask(call.getId())).extracting(IdentityLink::getGroupId)
			.contains("fo");
		// two working hours of the front office's response target: one on Friday until
		// 17:30, one on Monday from 09:00
		assertThat(call.getDueDate().toInstant()).isEqualTo(rome(2027, 1, 18, 10, 0));
		// the operator's form shows the number; the engine never holds it
		assertThat(this.actions.form(call.getId(), "fo1").orElseThrow().input()).containsEntry("callbackPhone",
				"+393334107788");
		assertThat(this.runtime.getVariables(call.getProcessInstanceId()).toString()).doesNotContain("3334107788");

		TestClock.set(rome(2027, 1, 18, 9, 15));
		notReached(call, "Nessuna risposta");
		var next = this.management.createJobQuery().processInstanceId(call.getProcessInstanceId()).singleResult();
		assertThat(next.getDuedate().toInstant()).isEqualTo(rome(2027, 1, 18, 11, 15));
		TestClock.set(rome(2027, 1, 18, 11, 15));
		this.management.executeJob(next.getId());
		notReached(callTask(id), "Occupato");
		TestClock.set(rome(2027, 1, 18, 13, 15));
		this.management.executeJob(
				this.management.createJobQuery().processInstanceId(call.getProcessInstanceId()).singleResult().getId());
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_sms_message WHERE to_number = ?", Integer.class,
				"+393334107788"))
			.isZero();
		notReached(callTask(id), "Segreteria");

		assertThat(this.jdbc.queryForObject("SELECT status || '/' || attempts FROM spt_callback WHERE id = ?",
				String.class, id))
			.isEqualTo("NOT_REACHED/3");
		assertThat(this.jdbc.queryForList("SELECT body FROM spt_sms_message WHERE to_number = ? AND case_id IS NULL",
				String.class, "+393334107788"))
			.singleElement()
			.asString()
			.contains("tre volte");
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceId(call.getProcessInstanceId()).count())
			.isZero();
		// out of quiet hours it reaches Twilio (the fake server), once
		this.sms.dispatchOnce();
		assertThat(org.sportello.support.FakeTwilio.shared().acceptedTo("+393334107788")).singleElement()
			.satisfies((message) -> assertThat(message.get("Body")).contains("tre volte"));
	}

	@Test
	void aReachedCitizenEndsTheRequestAndBadRequestsAreRefusedByField() {
		TestClock.set(rome(2027, 1, 19, 10, 0));
		ApiClient api = new ApiClient(this.port);
		String id = api.post("/api/public/callback", null, "{\"phone\":\"+39 0862 411 222\",\"slot\":\"ANY\"}")
			.json()
			.path("id")
			.asText();
		Task call = callTask(id);
		this.actions.claim(call.getId(), "fo1");
		this.actions.complete(call.getId(), "fo1",
				Map.of("callbackOutcome", "REACHED", "callbackNote", "Informazioni date sul contributo"));
		assertThat(this.jdbc.queryForObject("SELECT status || '/' || note FROM spt_callback WHERE id = ?", String.class,
				id))
			.isEqualTo("REACHED/Informazioni date sul contributo");

		ApiClient.Response phone = api.post("/api/public/callback", null,
				"{\"phone\":\"chiamatemi\",\"slot\":\"ANY\"}");
		assertThat(phone.status()).isEqualTo(400);
		assertThat(phone.json().path("field").asText()).isEqualTo("phone");
		ApiClient.Response slot = api.post("/api/public/callback", null,
				"{\"phone\":\"3331112222\",\"slot\":\"EVENING\"}");
		assertThat(slot.status()).isEqualTo(400);
		ApiClient.Response missing = api.post("/api/public/callback", null, "{\"phone\":\"3331112222\"}");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().path("field").asText()).isEqualTo("slot");
		// five an hour from one number
		for (int i = 0; i < 5; i++) {
			assertThat(api.post("/api/public/callback", null, "{\"phone\":\"3389990001\",\"slot\":\"ANY\"}").status())
				.isEqualTo(202);
		}
		assertThat(api.post("/api/public/callback", null, "{\"phone\":\"3389990001\",\"slot\":\"ANY\"}").status())
			.isEqualTo(429);
	}

	private void notReached(Task call, String note) {
		this.actions.claim(call.getId(), "fo1");
		this.actions.complete(call.getId(), "fo1", Map.of("callbackOutcome", "NOT_REACHED", "callbackNote", note));
	}

	private Task callTask(String callbackId) {
		return this.tasks.createTaskQuery().processInstanceBusinessKey("CB-" + callbackId).singleResult();
	}

	static Instant rome(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(ROME).toInstant();
	}

}
