package org.sportello.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sportello.cases.AttachmentRejectedException;
import org.sportello.cases.Attachments;
import org.sportello.cases.Channel;
import org.sportello.cases.NewAttachment;
import org.sportello.cases.OpenedCase;
import org.sportello.intake.IntakeRequest;
import org.sportello.intake.IntakeService;
import org.sportello.portal.PublicTracking;
import org.sportello.portal.TrackedCase;
import org.sportello.support.ApiClient;
import org.sportello.support.H2ApplicationTest;
import org.sportello.support.Multipart;
import org.sportello.support.TestClock;
import org.sportello.tasklist.BackOfficeActions;
import org.sportello.tasklist.BackOfficeOutcome;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Requests for documents on real cases: what the official asks and by when (working days
 * on the office's calendar), what the citizen reads and sends on the tracking page, the
 * reminder SMS and the "no reply" path back to the office. Time is moved (TestClock) and
 * due timers are run as the job executor would. Cases are opened on Monday 23 November
 * 2026 in Rome; INPS works on the network's default calendar (Monday to Friday).
 */
@H2ApplicationTest
class DocumentRequestsTests {

	static final ZoneId ROME = ZoneId.of("Europe/Rome");

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
		.getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	@LocalServerPort
	int port;

	@Autowired
	IntakeService intake;

	@Autowired
	BackOfficeActions backOffice;

	@Autowired
	DocumentRequests requests;

	@Autowired
	PublicTracking tracking;

	@Autowired
	Attachments attachments;

	@Autowired
	org.sportello.sla.SlaSweep sweep;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	TaskService tasks;

	@Autowired
	JdbcTemplate jdbc;

	ApiClient api;

	@BeforeEach
	void client() {
		this.api = new ApiClient(this.port);
	}

	@AfterEach
	void realTimeAgain() {
		TestClock.reset();
	}

	@Test
	void theCitizenIsToldWhatBywhomAndByWhenIsRemindedAndWithoutAReplyTheOfficeHasTheCaseBack() {
		OpenedCase opened = forwardedAt(rome(2026, 11, 23, 9, 0));
		TestClock.set(rome(2026, 11, 23, 13, 0));
		this.backOffice.decide(opened.trackingCode(), "bo-inps",
				new BackOfficeActions.Decision(BackOfficeOutcome.REQUEST_INFO, "Servono i documenti per la domanda",
						null, List.of("IDENTITY", "ISEE"), 3));

		// three working days after Monday: Thursday; the reminder on Wednesday at 10
		DocumentRequest request = this.requests.openOf(opened.caseId()).get(0);
		assertThat(request.documents()).containsExactly("IDENTITY", "ISEE");
		assertThat(request.administrationCode()).isEqualTo("INPS");
		assertThat(request.dueOn()).isEqualTo(LocalDate.of(2026, 11, 26));
		assertThat(request.dueAt()).isEqualTo(rome(2026, 11, 27, 0, 0));
		assertThat(request.remindAt()).isEqualTo(rome(2026, 11, 25, 10, 0));
		TrackedCase tracked = this.tracking.track(opened.trackingCode(), opened.pin(), "192.0.2.10");
		assertThat(tracked.status().name()).isEqualTo("IN_ATTESA_DI_INTEGRAZIONE");
		assertThat(tracked.waitingForCitizen()).isTrue();
		assertThat(tracked.documentRequests()).singleElement().satisfies((asked) -> {
			assertThat(asked.administration()).isEqualTo("INPS");
			assertThat(asked.documents()).containsExactly("IDENTITY", "ISEE");
			assertThat(asked.dueOn()).isEqualTo(LocalDate.of(2026, 11, 26));
			assertThat(asked.message()).isEqualTo("Servono i documenti per la domanda");
		});
		// the waiting SMS says who asks and where to send them
		assertThat(smsBodies(opened)).anySatisfy((body) -> assertThat(body)
			.startsWith("Sportello: INPS chiede documenti per la richiesta " + opened.trackingCode())
			.endsWith("/track?code=" + opened.trackingCode()));

		TestClock.set(rome(2026, 11, 25, 9, 59));
		assertThat(timers().fireDue(opened.trackingCode())).isZero();
		TestClock.set(rome(2026, 11, 25, 10, 0));
		assertThat(timers().fireDue(opened.trackingCode())).isOne();
		assertThat(smsBodies(opened)).last()
			.isEqualTo("Sportello: promemoria, i documenti per la richiesta " + opened.trackingCode()
					+ " vanno inviati entro il 26/11/2026. https://sportello.example.org/track?code="
					+ opened.trackingCode());
		assertThat(timeline(opened, "DOCUMENTS_REMINDED")).isOne();
		assertThat(activeTask(opened)).isNull();

		TestClock.set(rome(2026, 11, 26, 23, 59));
		assertThat(timers().fireDue(opened.trackingCode())).isZero();
		TestClock.set(rome(2026, 11, 27, 0, 0));
		assertThat(timers().fireDue(opened.trackingCode())).isOne();
		assertThat(activeTask(opened)).isEqualTo("backOfficeWork");
		assertThat(this.requests.ofCase(opened.caseId())).singleElement()
			.extracting(DocumentRequest::status)
			.isEqualTo(DocumentRequest.Status.EXPIRED);
		assertThat(timeline(opened, "DOCUMENTS_OVERDUE")).isOne();
		TrackedCase after = this.tracking.track(opened.trackingCode(), opened.pin(), "192.0.2.10");
		assertThat(after.status().name()).isEqualTo("IN_LAVORAZIONE");
		assertThat(after.waitingForCitizen()).isFalse();
		assertThat(after.documentRequests().get(0).status()).isEqualTo(DocumentRequest.Status.EXPIRED);
		assertThat(after.timeline()).extracting(TrackedCase.Step::type)
			.contains(org.sportello.cases.TimelineEvent.EventType.DOCUMENTS_OVERDUE);
		// the office sees why it has the case back
		String task = this.tasks.createTaskQuery()
			.processInstanceBusinessKey(opened.trackingCode())
			.singleResult()
			.getId();
		assertThat(this.tasks.getVariable(task, "documentsOutcome")).isEqualTo("NO_REPLY");
	}

	@Test
	void theCitizenSendsTheDocumentsOnTheTrackingPageAndTheOfficeResumes() {
		OpenedCase opened = forwardedAt(rome(2026, 11, 23, 9, 0));
		this.backOffice.decide(opened.trackingCode(), "bo-inps", new BackOfficeActions.Decision(
				BackOfficeOutcome.REQUEST_INFO, "Serve il modulo firmato", null, List.of("SIGNED_FORM"), null));
		// the default: ten working days
		assertThat(this.requests.openOf(opened.caseId()).get(0).dueOn()).isEqualTo(LocalDate.of(2026, 12, 7));

		// refused replies change nothing: no file and no message, a file that is not a
		// document
		assertThatThrownBy(
				() -> this.tracking.reply(opened.trackingCode(), opened.pin(), "  ", List.of(), "192.0.2.11"))
			.isInstanceOfSatisfying(ReplyRefusedException.class, (ex) -> assertThat(ex.field()).isEqualTo("note"));
		assertThatThrownBy(() -> this.tracking.reply(opened.trackingCode(), opened.pin(), "Ecco il modulo",
				List.of(new NewAttachment("modulo.pdf", "<html>".getBytes())), "192.0.2.11"))
			.isInstanceOf(AttachmentRejectedException.class);
		assertThat(this.attachments.ofCase(opened.caseId())).isEmpty();
		assertThat(activeTask(opened)).isNull();

		TrackedCase replied = this.tracking.reply(opened.trackingCode(), opened.pin(), null,
				List.of(new NewAttachment("modulo firmato.pdf", PDF)), "192.0.2.11");

		assertThat(replied.waitingForCitizen()).isFalse();
		assertThat(replied.status().name()).isEqualTo("IN_LAVORAZIONE");
		assertThat(replied.documentRequests().get(0).status()).isEqualTo(DocumentRequest.Status.ANSWERED);
		assertThat(this.attachments.ofCase(opened.caseId())).singleElement().satisfies((file) -> {
			assertThat(file.fileName()).isEqualTo("modulo firmato.pdf");
			assertThat(file.uploadedBy()).isEqualTo(CitizenReplies.CITIZEN);
		});
		assertThat(activeTask(opened)).isEqualTo("backOfficeWork");
		// the request's timers are gone with the wait
		assertThat(timers().dueDates(opened.trackingCode()))
			.allSatisfy((due) -> assertThat(due).isNotEqualTo(rome(2026, 12, 8, 0, 0)));
		// once answered, a second reply is refused: nothing waits
		assertThatThrownBy(() -> this.tracking.reply(opened.trackingCode(), opened.pin(), "Un altro messaggio",
				List.of(), "192.0.2.11"))
			.isInstanceOfSatisfying(ReplyRefusedException.class, (ex) -> assertThat(ex.field()).isNull());
	}

	@Test
	void theApiShowsTheRequestRefusesBadOnesNamingTheFieldAndTakesTheFrontOfficesReplyWithFiles() {
		OpenedCase opened = forwardedAt(rome(2026, 11, 23, 9, 0));
		String path = "/api/cases/" + opened.trackingCode();

		// what the task's form requires, the API requires: the documents to ask for
		ApiClient.Response noDocuments = this.api.post(path + "/back-office", "bo-inps",
				"{\"outcome\":\"REQUEST_INFO\",\"answer\":\"Servono documenti\"}");
		assertThat(noDocuments.status()).isEqualTo(400);
		assertThat(noDocuments.json().at("/errors/0/field").asText()).isEqualTo("documents");
		assertThat(noDocuments.json().at("/errors/0/message").asText()).isEqualTo("is required");
		ApiClient.Response badKind = this.api.post(path + "/back-office", "bo-inps",
				"{\"outcome\":\"REQUEST_INFO\",\"answer\":\"Servono documenti\",\"documents\":[\"<script>\"]}");
		assertThat(badKind.status()).isEqualTo(400);
		assertThat(badKind.json().at("/errors/0/field").asText()).isEqualTo("documents");
		ApiClient.Response badDays = this.api.post(path + "/back-office", "bo-inps",
				"{\"outcome\":\"REQUEST_INFO\",\"answer\":\"Servono documenti\",\"documents\":[\"ISEE\"],\"withinDays\":0}");
		assertThat(badDays.status()).isEqualTo(400);
		assertThat(badDays.json().at("/errors/0/field").asText()).isEqualTo("withinDays");
		assertThat(activeTask(opened)).isEqualTo("backOfficeWork");

		ApiClient.Response asked = this.api.post(path + "/back-office", "bo-inps",
				"{\"outcome\":\"REQUEST_INFO\",\"answer\":\"Serve l'ISEE\",\"documents\":[\"ISEE\"],\"withinDays\":5}");
		assertThat(asked.status()).isEqualTo(200);
		JsonNode request = asked.json().at("/documentRequests/0");
		assertThat(request.get("administration").asText()).isEqualTo("INPS");
		assertThat(request.get("documents").get(0).asText()).isEqualTo("ISEE");
		assertThat(request.get("dueOn").asText()).isEqualTo("2026-11-30");
		assertThat(request.get("status").asText()).isEqualTo("OPEN");
		// and the citizen's API says the same, without internal ids
		JsonNode tracked = this.api
			.post("/api/public/track", null,
					"{\"trackingCode\":\"" + opened.trackingCode() + "\",\"pin\":\"" + opened.pin() + "\"}")
			.json();
		assertThat(tracked.at("/documentRequests/0/documents/0").asText()).isEqualTo("ISEE");
		assertThat(tracked.at("/documentRequests/0").has("office")).isFalse();
		assertThat(tracked.get("waitingForCitizen").asBoolean()).isTrue();

		ApiClient.Response replied = this.api.postMultipart(path + "/citizen-reply", "fo1",
				new Multipart().field("note", "Portato allo sportello")
					.file("file", "isee.pdf", "application/pdf", PDF));
		assertThat(replied.status()).isEqualTo(200);
		assertThat(replied.json().get("status").asText()).isEqualTo("IN_LAVORAZIONE");
		assertThat(replied.json().at("/documentRequests/0/status").asText()).isEqualTo("ANSWERED");
		assertThat(this.api.get(path + "/attachments", "bo-inps").json().get(0).get("fileName").asText())
			.isEqualTo("isee.pdf");
		assertThat(this.api.post(path + "/citizen-reply", "fo1", "{\"note\":\"di nuovo qui\"}").status())
			.isEqualTo(409);
	}

	private OpenedCase forwardedAt(Instant at) {
		TestClock.set(at);
		OpenedCase opened = this.intake
			.open(new IntakeRequest(Channel.PHONE, "PENSION", "Domanda di pensione ferma da mesi", "L'Aquila",
					new IntakeRequest.Citizen("Maria Rossi", "+393331234567", null, true, "it"), Set.of()), "fo1");
		this.intake.forward(opened.trackingCode(), "Serve il back office", "fo1");
		return opened;
	}

	static Instant rome(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(ROME).toInstant();
	}

	private String activeTask(OpenedCase opened) {
		var task = this.tasks.createTaskQuery().processInstanceBusinessKey(opened.trackingCode()).singleResult();
		return (task != null) ? task.getTaskDefinitionKey() : null;
	}

	private List<String> smsBodies(OpenedCase opened) {
		return this.jdbc.queryForList("SELECT body FROM spt_sms_message WHERE case_id = ? ORDER BY created_at, id",
				String.class, opened.caseId());
	}

	private int timeline(OpenedCase opened, String type) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_case_event WHERE case_id = ? AND event_type = ?",
				Integer.class, opened.caseId(), type);
	}

	private org.sportello.support.CaseTimers timers() {
		return new org.sportello.support.CaseTimers(this.runtime, this.management, this.sweep, this.jdbc);
	}

}
