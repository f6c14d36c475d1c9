package org.sportello.mail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sportello.support.MariaDbApplicationTest;
import org.sportello.support.TestClock;
import org.sportello.support.TestMail;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On MariaDB, as on two application nodes: the same message taken by two readers at the
 * same moment opens one case; two dispatchers draining the same outbox send each email
 * once (the mail server's count).
 */
@MariaDbApplicationTest
class MailMariaDbTests {

	@Autowired
	MailIntake intake;

	@Autowired
	MailSettings settings;

	@Autowired
	EmailDispatcher dispatcher;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void realTimeAgain() {
		TestClock.reset();
	}

	@Test
	void oneMessageTakenByTwoNodesAtOnceOpensOneCase() throws Exception {
		TestClock.set(MailChannelTests.rome(2027, 3, 30, 9, 0));
		String sender = "twonodes@example.org";
		byte[] raw = ("Message-ID: <two-nodes-0001@example.org>\r\nFrom: Nodo Doppio <" + sender
				+ ">\r\nTo: urp@sportello.test\r\nSubject: Richiesta letta da due nodi\r\n"
				+ "Content-Type: text/plain; charset=UTF-8\r\n\r\nDue nodi leggono questo messaggio insieme.\r\n")
			.getBytes(StandardCharsets.UTF_8);
		MailSettings.Mailbox urp = this.settings.mailboxes().get(0);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			List<Future<String>> outcomes = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				Callable<String> node = () -> {
					InboundMail mail = InboundMail.parse(raw);
					start.await();
					try {
						return this.intake.take(urp, mail).name();
					}
					catch (DuplicateKeyException ex) {
						return "DUPLICATE";
					}
				};
				outcomes.add(nodes.submit(node));
			}
			start.countDown();
			List<String> results = new ArrayList<>();
			for (Future<String> outcome : outcomes) {
				results.add(outcome.get());
			}
			assertThat(results).containsOnlyOnce("OPENED");
			assertThat(results).containsAnyOf("SEEN", "DUPLICATE");
		}
		finally {
			nodes.shutdownNow();
		}
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_case_contact WHERE email = ?", Integer.class,
				sender))
			.isOne();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_mail_inbound WHERE message_key = ?",
				Integer.class, InboundMail.sha256("<two-nodes-0001@example.org>".getBytes(StandardCharsets.UTF_8))))
			.isOne();
	}

	@Test
	void twoDispatchersSendEachEmailOnce() throws Exception {
		java.time.Instant now = MailChannelTests.rome(2027, 3, 30, 10, 0);
		TestClock.set(now);
		String caseId = this.jdbc.queryForObject("SELECT MIN(id) FROM spt_case", String.class);
		int count = 200;
		for (int i = 0; i < count; i++) {
			this.jdbc.update("INSERT INTO spt_email_message (id, case_id, to_address, kind, language, subject, body, "
					+ "status, attempts, next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, 'INOLTRATA', 'it', ?, "
					+ "'Testo', 'QUEUED', 0, ?, ?, ?)", java.util.UUID.randomUUID().toString(), caseId,
					"peak" + i + "@twodispatchers.example.org", "Messaggio " + i, java.sql.Timestamp.from(now),
					java.sql.Timestamp.from(now), java.sql.Timestamp.from(now));
		}
		EmailDispatcher second = new EmailDispatcher(this.context.getBean(EmailMapper.class),
				this.context.getBeanProvider(org.springframework.mail.javamail.JavaMailSender.class), this.settings,
				this.context.getBean(EmailTemplates.class), this.context.getBean(org.sportello.cases.Cases.class),
				this.context.getBean(java.time.Clock.class),
				this.context.getBean(org.springframework.transaction.support.TransactionTemplate.class),
				"https://sportello.example.org");
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> runs = new ArrayList<>();
			for (EmailDispatcher node : List.of(this.dispatcher, second)) {
				runs.add(nodes.submit(() -> {
					while (node.dispatchOnce() > 0) {
						// until the outbox is empty
					}
				}));
			}
			for (Future<?> run : runs) {
				run.get();
			}
		}
		finally {
			nodes.shutdownNow();
		}
		long received = java.util.Arrays.stream(TestMail.shared().getReceivedMessages()).filter((message) -> {
			try {
				return message.getAllRecipients()[0].toString().endsWith("@twodispatchers.example.org");
			}
			catch (jakarta.mail.MessagingException ex) {
				return false;
			}
		}).map(MailMariaDbTests::subject).distinct().count();
		long total = java.util.Arrays.stream(TestMail.shared().getReceivedMessages()).filter((message) -> {
			try {
				return message.getAllRecipients()[0].toString().endsWith("@twodispatchers.example.org");
			}
			catch (jakarta.mail.MessagingException ex) {
				return false;
			}
		}).count();
		assertThat(received).isEqualTo(count);
		assertThat(total).isEqualTo(count);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM spt_email_message WHERE to_address LIKE '%@twodispatchers.example.org' "
						+ "AND status = 'SENT'",
				Integer.class))
			.isEqualTo(count);
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
