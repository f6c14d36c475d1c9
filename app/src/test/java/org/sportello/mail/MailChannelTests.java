package org.sportello.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sportello.cases.CaseRow;
import org.sportello.cases.Cases;
import org.sportello.cases.Channel;
import org.sportello.intake.IntakeService;
import org.sportello.support.H2ApplicationTest;
import org.sportello.support.TestClock;
import org.sportello.support.TestMail;
import org.sportello.tasklist.BackOfficeActions;
import org.sportello.tasklist.BackOfficeOutcome;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The email channel against a real mail server (GreenMail: SMTP and IMAP in this JVM):
 * messages delivered into the administration's mailboxes are read over IMAP as the
 * scheduler would, and what the application sends arrives over SMTP. The messages are
 * files in {@code src/test/resources/mail}, written the way mail clients, mail servers
 * (RFC 3464 reports, RFC 3834 auto-replies) and PEC providers write them. Each test uses
 * its own sender, so that the shared server's messages do not mix.
 */
@H2ApplicationTest
class MailChannelTests {

	static final ZoneId ROME = ZoneId.of("Europe/Rome");

	static final Pattern CODE = Pattern.compile("SPT-[0-9A-Z]{4}-[0-9A-Z]{4}");

	static final Pattern PIN = Pattern.compile("PIN è (\\d{6})");

	@LocalServerPort
	int port;

	@Autowired
	MailboxReader mailboxes;

	@Autowired
	EmailDispatcher dispatcher;

	@Autowired
	Cases cases;

	@Autowired
	IntakeService intake;

	@Autowired
	BackOfficeActions backOffice;

	@Autowired
	TaskService tasks;

	@Autowired
	org.sportello.tasklist.TaskActions actions;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void realTimeAgain() {
		TestClock.reset();
	}

	@Test
	void aNewMessageOpensACaseWithItsFileAndTheSenderGetsCodeAndPinOnce() throws Exception {
		TestClock.set(rome(2026, 12, 1, 9, 13));
		String sender = "giulia.new@example.org";
		deliver(TestMail.URP, fixture("new-request.eml",
				Map.of("Giulia.Bianchi@Example.org", "Giulia.New@Example.org", "7b1c2f4e-1a2b", "new-0001")));

		assertThat(this.mailboxes.readAll()).isEqualTo(1);

		CaseRow row = caseOf(sender);
		assertThat(row.channel()).isEqualTo(Channel.EMAIL);
		assertThat(row.topicCode()).isEqualTo("OTHER");
		assertThat(row.openedBy()).isEqualTo("mail:urp");
		assertThat(row.description()).startsWith("Contributo di autonoma sistemazione \u2013 pagamento")
			.contains("da tre mesi non ricevo il contributo di autonoma sistemazione per la casa inagibile")
			.contains("1 allegati non accettati");
		assertThat(this.cases.contactOf(row.id()).name()).isEqualTo("Giulia Bianchi");
		// the PDF is kept, the .docx is not
		assertThat(this.jdbc.queryForList("SELECT file_name FROM spt_attachment WHERE case_id = ?", String.class,
				row.id()))
			.containsExactly("ricevuta domanda CAS.pdf");
		// the case waits in the front office's queue
		assertThat(this.tasks.createTaskQuery()
			.processInstanceBusinessKey(row.trackingCode())
			.singleResult()
			.getTaskDefinitionKey()).isEqualTo("frontOfficeTriage");

		this.dispatcher.dispatchOnce();
		MimeMessage ack = single(sender);
		assertThat(ack.getSubject()).isEqualTo("Richiesta ricevuta [" + row.trackingCode() + "]");
		assertThat(ack.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
		assertThat(ack.getHeader("List-Unsubscribe", null))
			.startsWith("<https://sportello.example.org/email/unsubscribe/");
		assertThat(ack.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
		String text = textPart(ack);
		Matcher pin = PIN.matcher(text);
		assertThat(pin.find()).as(text).isTrue();
		// the PIN in the email is the case's PIN, and it is not kept in clear once sent
		assertThat(this.cases.byCodeAndPin(row.trackingCode(), pin.group(1))).isPresent();
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM spt_email_message WHERE case_id = ? AND pin IS NULL " + "AND status = 'SENT'",
				Integer.class, row.id()))
			.isEqualTo(1);
		assertThat(htmlPart(ack)).contains("<html lang=\"it\"")
			.contains("<a href=\"https://sportello.example.org/track?code=" + row.trackingCode() + "\">");

		// the same message again (read twice, or by a second node) opens nothing more
		deliver(TestMail.URP, fixture("new-request.eml",
				Map.of("Giulia.Bianchi@Example.org", "Giulia.New@Example.org", "7b1c2f4e-1a2b", "new-0001")));
		assertThat(this.mailboxes.readAll()).isZero();
		assertThat(casesOf(sender)).isEqualTo(1);
	}

	@Test
	void autoRepliesAndBouncesOpenNothingAndAReplyWithTheCodeResumesTheOfficeWaitingForTheCitizen() throws Exception {
		TestClock.set(rome(2026, 12, 2, 9, 0));
		String sender = "giulia.reply@example.org";
		deliver(TestMail.URP, fixture("new-request.eml",
				Map.of("Giulia.Bianchi@Example.org", sender, "7b1c2f4e-1a2b", "reply-0001")));
		this.mailboxes.readAll();
		CaseRow row = caseOf(sender);
		this.intake.forward(row.trackingCode(), "Serve il back office della rete", "fo1");
		TestClock.set(rome(2026, 12, 2, 11, 0));
		this.backOffice.decide(row.trackingCode(), "bo-hub", new BackOfficeActions.Decision(
				BackOfficeOutcome.REQUEST_INFO, "Ci mandi la ricevuta della domanda", null, List.of("OTHER"), 3));
		assertThat(this.cases.byId(row.id()).orElseThrow().status().name()).isEqualTo("IN_ATTESA_DI_INTEGRAZIONE");
		this.dispatcher.dispatchOnce();
		List<MimeMessage> received = TestMail.receivedBy(sender);
		assertThat(received).extracting(MimeMessage::getSubject)
			.contains("Richiesta ricevuta [" + row.trackingCode() + "]",
					"Per la richiesta " + row.trackingCode() + " servono documenti o informazioni");
		MimeMessage asked = received.stream()
			.filter((message) -> subjectOf(message).startsWith("Per la richiesta"))
			.findFirst()
			.orElseThrow();
		assertThat(textPart(asked)).contains("Ci mandi la ricevuta della domanda");

		// the citizen's out-of-office answer, a bounce: nothing happens
		Map<String, String> code = Map.of("{code}", row.trackingCode(), "giulia.bianchi@example.org", sender);
		deliver(TestMail.URP, fixture("auto-reply.eml", code));
		deliver(TestMail.URP, fixture("dsn.eml", Map.of("dsn-20261201", "dsn-" + row.trackingCode())));
		this.mailboxes.readAll();
		assertThat(outcomes(row.trackingCode())).containsExactlyInAnyOrder("IGNORED", "IGNORED");
		assertThat(casesOf(sender)).isEqualTo(1);
		assertThat(waitsForCitizen(row)).isTrue();

		// the reply: to the same case, with its file, without the quoted text; the office
		// has the case back
		deliver(TestMail.URP, fixture("reply.eml", code));
		this.mailboxes.readAll();
		assertThat(casesOf(sender)).isEqualTo(1);
		assertThat(waitsForCitizen(row)).isFalse();
		assertThat(this.jdbc.queryForObject(
				"SELECT detail FROM spt_case_event WHERE case_id = ? AND event_type = 'CITIZEN_REPLIED'", String.class,
				row.id()))
			.isEqualTo("Ecco la foto della ricevuta che mi avete chiesto. [ricevuta.png]");
		assertThat(this.tasks.createTaskQuery()
			.processInstanceBusinessKey(row.trackingCode())
			.singleResult()
			.getTaskDefinitionKey()).isEqualTo("backOfficeWork");
	}

	@Test
	void theFrontOfficeClassifiesAnEmailAtTriageAndItIsRoutedByItsTopic() throws Exception {
		TestClock.set(rome(2026, 12, 3, 11, 0));
		String sender = "giulia.classify@example.org";
		deliver(TestMail.URP, fixture("new-request.eml",
				Map.of("Giulia.Bianchi@Example.org", sender, "7b1c2f4e-1a2b", "classify-0001")));
		this.mailboxes.readAll();
		CaseRow row = caseOf(sender);
		var triage = this.tasks.createTaskQuery().processInstanceBusinessKey(row.trackingCode()).singleResult();
		// the form offers the catalogue and shows the case's topic
		var shown = this.actions.form(triage.getId(), "fo1").orElseThrow();
		assertThat(shown.input()).containsEntry("topic", "OTHER");
		assertThat(shown.input().get("topics").toString()).contains("value=PENSION");
		this.actions.complete(triage.getId(), "fo1",
				Map.of("topic", "PENSION", "triageOutcome", "FORWARD", "resolutionNote", "Domanda sulla pensione"));
		assertThat(this.cases.byId(row.id()).orElseThrow().topicCode()).isEqualTo("PENSION");
		assertThat(this.jdbc.queryForObject(
				"SELECT detail FROM spt_case_event WHERE case_id = ? AND event_type = 'RECLASSIFIED'", String.class,
				row.id()))
			.isEqualTo("OTHER → PENSION");
		var work = this.tasks.createTaskQuery().processInstanceBusinessKey(row.trackingCode()).singleResult();
		assertThat(this.tasks.getIdentityLinksForTask(work.getId()))
			.extracting(org.camunda.bpm.engine.task.IdentityLink::getGroupId)
			.contains("inps-bo");

		// left empty, the case keeps its topic and is routed by it
		String other = "giulia.keep@example.org";
		deliver(TestMail.URP, fixture("new-request.eml",
				Map.of("Giulia.Bianchi@Example.org", other, "7b1c2f4e-1a2b", "classify-0002")));
		this.mailboxes.readAll();
		CaseRow kept = caseOf(other);
		var keptTriage = this.tasks.createTaskQuery().processInstanceBusinessKey(kept.trackingCode()).singleResult();
		Map<String, Object> empty = new java.util.HashMap<>(
				Map.of("triageOutcome", "FORWARD", "resolutionNote", "Da vedere in back office"));
		empty.put("topic", null);
		this.actions.complete(keptTriage.getId(), "fo1", empty);
		assertThat(this.cases.byId(kept.id()).orElseThrow().topicCode()).isEqualTo("OTHER");
		var keptWork = this.tasks.createTaskQuery().processInstanceBusinessKey(kept.trackingCode()).singleResult();
		assertThat(this.tasks.getIdentityLinksForTask(keptWork.getId()))
			.extracting(org.camunda.bpm.engine.task.IdentityLink::getGroupId)
			.contains("linea-amica-bo");
	}

	@Test
	void aPecOpensACaseFromItsSenderWithTheOriginalKeptAndReceiptsOpenNothing() throws Exception {
		TestClock.set(rome(2026, 12, 3, 10, 15));
		deliver(TestMail.PEC, fixture("pec-envelope.eml", Map.of()));
		deliver(TestMail.PEC, fixture("pec-receipt.eml", Map.of()));
		assertThat(this.mailboxes.readAll()).isEqualTo(2);

		CaseRow row = caseOf("avv.mario.verdi@pec.studiolegale.it");
		assertThat(row.channel()).isEqualTo(Channel.PEC);
		assertThat(row.openedBy()).isEqualTo("mail:pec");
		assertThat(row.description()).startsWith("Istanza di accesso agli atti - pratica ricostruzione")
			.contains("chiedo copia degli atti della pratica");
		assertThat(this.cases.contactOf(row.id()).name()).isEqualTo("Avv. Mario Verdi");
		assertThat(this.jdbc.queryForList(
				"SELECT file_name || ' ' || content_type FROM spt_attachment " + "WHERE case_id = ? ORDER BY file_name",
				String.class, row.id()))
			.containsExactly("delega.pdf application/pdf", "messaggio-originale.eml message/rfc822");
		assertThat(this.jdbc.queryForList(
				"SELECT outcome FROM spt_mail_inbound WHERE mailbox = 'pec' " + "AND detail = 'avvenuta-consegna'",
				String.class))
			.containsExactly("RECEIPT");
	}

	@Test
	void statusEmailsCarryTheAnswerAndTheOneClickUnsubscribeStopsThem() throws Exception {
		TestClock.set(rome(2026, 12, 4, 9, 0));
		String sender = "giulia.status@example.org";
		deliver(TestMail.URP, fixture("new-request.eml",
				Map.of("Giulia.Bianchi@Example.org", sender, "7b1c2f4e-1a2b", "status-0001")));
		this.mailboxes.readAll();
		CaseRow row = caseOf(sender);
		this.dispatcher.dispatchOnce();
		this.intake.forward(row.trackingCode(), "Serve il back office della rete", "fo1");
		this.dispatcher.dispatchOnce();
		assertThat(TestMail.receivedBy(sender)).extracting(MimeMessage::getSubject)
			.containsExactly("Richiesta ricevuta [" + row.trackingCode() + "]",
					"La richiesta " + row.trackingCode() + " è in lavorazione");
		assertThat(textPart(TestMail.receivedBy(sender).get(1))).contains("presso Linea Amica");

		String header = TestMail.receivedBy(sender).get(1).getHeader("List-Unsubscribe", null);
		String url = header.substring(1, header.length() - 1)
			.replace("https://sportello.example.org", "http://localhost:" + this.port);
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(204);

		this.backOffice.decide(row.trackingCode(), "bo-hub", BackOfficeOutcome.ANSWER,
				"Il contributo di novembre è stato pagato il 3 dicembre.", null);
		this.dispatcher.dispatchOnce();
		assertThat(TestMail.receivedBy(sender)).hasSize(2);
		assertThat(this.cases.byId(row.id()).orElseThrow().status().isFinal()).isTrue();
	}

	private void deliver(String mailbox, byte[] raw) throws Exception {
		MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
		TestMail.shared().getUserManager().getUser(mailbox).deliver(message);
	}

	private static byte[] fixture(String name, Map<String, String> replacements) throws IOException {
		try (InputStream in = MailChannelTests.class.getResourceAsStream("/mail/" + name)) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			for (Map.Entry<String, String> entry : replacements.entrySet()) {
				text = text.replace(entry.getKey(), entry.getValue());
			}
			return text.getBytes(StandardCharsets.UTF_8);
		}
	}

	private CaseRow caseOf(String email) {
		String caseId = this.jdbc.queryForObject("SELECT case_id FROM spt_case_contact WHERE email = ?", String.class,
				email);
		return this.cases.byId(caseId).orElseThrow();
	}

	private int casesOf(String email) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_case_contact WHERE email = ?", Integer.class, email);
	}

	private List<String> outcomes(String trackingCode) {
		return this.jdbc.queryForList("SELECT outcome FROM spt_mail_inbound WHERE message_key IN (?, ?)", String.class,
				InboundMail.sha256(("<auto-" + trackingCode + "@mail.example.org>").getBytes()),
				InboundMail.sha256(("<dsn-" + trackingCode + "-0001@mx.example.org>").getBytes()));
	}

	private boolean waitsForCitizen(CaseRow row) {
		return this.tasks.createTaskQuery().processInstanceBusinessKey(row.trackingCode()).count() == 0;
	}

	private static String subjectOf(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static MimeMessage single(String address) {
		List<MimeMessage> received = TestMail.receivedBy(address);
		assertThat(received).hasSize(1);
		return received.get(0);
	}

	static String textPart(MimeMessage message) throws Exception {
		return part(message, "text/plain");
	}

	static String htmlPart(MimeMessage message) throws Exception {
		return part(message, "text/html");
	}

	private static String part(jakarta.mail.Part part, String type) throws Exception {
		if (part.isMimeType(type)) {
			return String.valueOf(part.getContent());
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = part(multipart.getBodyPart(i), type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	static Instant rome(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(ROME).toInstant();
	}

}
