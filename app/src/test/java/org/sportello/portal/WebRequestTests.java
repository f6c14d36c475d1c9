package org.sportello.portal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sportello.cases.CaseRow;
import org.sportello.cases.Cases;
import org.sportello.cases.Channel;
import org.sportello.cases.NewAttachment;
import org.sportello.cases.OpenedCase;
import org.sportello.intake.SelfIntakeLimitedException;
import org.sportello.support.H2ApplicationTest;
import org.sportello.support.TestClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The web form's rules on the server: the deployed Camunda Form (forms/web-request.form)
 * decides what is required, in the reader's language; a refused request stores nothing;
 * an accepted one is a WEB_FORM case in the front office's queue with the same SMS and
 * email as any case; one address opens at most five an hour.
 */
@H2ApplicationTest
class WebRequestTests {

	static final ZoneId ROME = ZoneId.of("Europe/Rome");

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
		.getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	@Autowired
	WebRequests requests;

	@Autowired
	Cases cases;

	@Autowired
	TaskService tasks;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void realTimeAgain() {
		TestClock.reset();
	}

	@Test
	void theFormIsTheDeployedOneInTheReadersLanguageWithTheCatalogueTopics() {
		WebRequests.Shown italian = this.requests.shown(Locale.ITALIAN);
		assertThat(italian.schema()).contains("\"La sua richiesta\"")
			.containsPattern("\"valuesKey\"\\s*:\\s*\"topics\"");
		assertThat(italian.input().get("topics").toString()).contains("label=Pensioni, value=PENSION")
			.endsWith("{label=Altro / da classificare, value=OTHER}]");
		WebRequests.Shown english = this.requests.shown(Locale.UK);
		assertThat(english.schema()).contains("Your request").doesNotContain("La sua richiesta");
		assertThat(english.input().get("topics").toString()).contains("label=Pensions, value=PENSION");
	}

	@Test
	void aRequestMissingWhatTheFormRequiresIsRefusedByFieldAndNothingIsStored() {
		int before = caseCount();
		Map<String, Object> data = new HashMap<>(valid("web.refused@example.org"));
		data.remove("description");
		data.put("privacyConsent", false);
		data.put("topic", "NOT_A_TOPIC");
		assertThatThrownBy(() -> this.requests.submit(data, List.of(), "198.51.100.20", Locale.ITALIAN))
			.isInstanceOfSatisfying(WebRequestRefusedException.class,
					(ex) -> assertThat(ex.fields()).extracting(WebRequestRefusedException.Field::key)
						.containsExactlyInAnyOrder("topic", "description", "privacyConsent"));
		// a phone that is no number: the form lets it through, the request's rules do not
		Map<String, Object> phone = new HashMap<>(valid("web.phone@example.org"));
		phone.put("phone", "chiamatemi");
		assertThatThrownBy(() -> this.requests.submit(phone, List.of(), "198.51.100.20", Locale.ITALIAN))
			.isInstanceOfSatisfying(WebRequestRefusedException.class,
					(ex) -> assertThat(ex.fields()).extracting(WebRequestRefusedException.Field::key)
						.containsExactly("phone"));
		assertThat(caseCount()).isEqualTo(before);
	}

	@Test
	void anAcceptedRequestIsAWebFormCaseInTheFrontOfficeQueueWithItsFileSmsAndEmail() {
		TestClock.set(rome(2026, 11, 30, 20, 0));
		Map<String, Object> data = new HashMap<>(valid("web.accepted@example.org"));
		data.put("phone", "333 765 4321");
		data.put("smsConsent", true);
		OpenedCase opened = this.requests.submit(data, List.of(new NewAttachment("domanda.pdf", PDF)), "198.51.100.21",
				Locale.UK);

		CaseRow row = this.cases.byId(opened.caseId()).orElseThrow();
		assertThat(row.channel()).isEqualTo(Channel.WEB_FORM);
		assertThat(row.topicCode()).isEqualTo("PENSION");
		assertThat(row.openedBy()).isEqualTo("citizen");
		assertThat(this.cases.contactOf(row.id()).phone()).isEqualTo("+393337654321");
		assertThat(this.cases.contactOf(row.id()).language()).isEqualTo("en");
		assertThat(this.cases.byCodeAndPin(opened.trackingCode(), opened.pin())).isPresent();
		var triage = this.tasks.createTaskQuery().processInstanceBusinessKey(opened.trackingCode()).singleResult();
		assertThat(triage.getTaskDefinitionKey()).isEqualTo("frontOfficeTriage");
		assertThat(this.tasks.getIdentityLinksForTask(triage.getId())).extracting(IdentityLink::getGroupId)
			.contains("fo");
		assertThat(this.jdbc.queryForList("SELECT file_name FROM spt_attachment WHERE case_id = ?", String.class,
				row.id()))
			.containsExactly("domanda.pdf");
		assertThat(this.jdbc.queryForList("SELECT body FROM spt_sms_message WHERE case_id = ?", String.class, row.id()))
			.singleElement()
			.asString()
			.startsWith("Sportello: request received, code " + opened.trackingCode());
		assertThat(
				this.jdbc.queryForList("SELECT kind FROM spt_email_message WHERE case_id = ?", String.class, row.id()))
			.containsExactly("ACKNOWLEDGEMENT");
	}

	@Test
	void oneAddressOpensAtMostFiveAnHour() {
		Instant start = rome(2026, 11, 29, 15, 0);
		TestClock.set(start);
		for (int i = 0; i < 5; i++) {
			this.requests.submit(valid("web.limit" + i + "@example.org"), List.of(), "203.0.113.77", Locale.ITALIAN);
		}
		int before = caseCount();
		assertThatThrownBy(
				() -> this.requests.submit(valid("web.limit5@example.org"), List.of(), "203.0.113.77", Locale.ITALIAN))
			.isInstanceOf(SelfIntakeLimitedException.class);
		assertThat(caseCount()).isEqualTo(before);
		// another address may; the same one an hour later
		this.requests.submit(valid("web.limit6@example.org"), List.of(), "203.0.113.78", Locale.ITALIAN);
		TestClock.set(start.plus(Duration.ofMinutes(61)));
		this.requests.submit(valid("web.limit7@example.org"), List.of(), "203.0.113.77", Locale.ITALIAN);
		// the limiter keeps no address
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_self_intake WHERE source_key LIKE '%203.0.113%'",
				Integer.class))
			.isZero();
	}

	static Map<String, Object> valid(String email) {
		return Map.of("topic", "PENSION", "description", "La mia pensione di novembre non è arrivata", "name",
				"Carla Di Nino", "email", email, "smsConsent", false, "privacyConsent", true);
	}

	private int caseCount() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_case", Integer.class);
	}

	static Instant rome(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(ROME).toInstant();
	}

}
