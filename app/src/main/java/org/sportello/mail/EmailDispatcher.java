package org.sportello.mail;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sportello.cases.Cases;
import org.sportello.cases.TimelineEvent.EventType;
import org.sportello.mail.EmailMessage.Status;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the email outbox over SMTP (Spring's {@link JavaMailSender}, Angus Mail). Each
 * run claims due messages with a conditional update, so that of several nodes exactly one
 * sends each; a claim is a five-minute lease. Every email has a text and an HTML part,
 * our own Message-ID, {@code Auto-Submitted: auto-generated} (RFC 3834: auto-responders
 * do not answer it) and a one-click {@code List-Unsubscribe} (RFC 8058). A refused
 * address stops at once; other failures are retried with exponential backoff, and the
 * last one shows on the case. Without {@code spring.mail.host} messages are marked LOCAL.
 */
@Component
public class EmailDispatcher {

	static final Duration LEASE = Duration.ofMinutes(5);

	private static final Logger log = LoggerFactory.getLogger(EmailDispatcher.class);

	private final EmailMapper mapper;

	private final ObjectProvider<JavaMailSender> sender;

	private final MailSettings settings;

	private final EmailTemplates templates;

	private final Cases cases;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final String publicUrl;

	private final String node;

	EmailDispatcher(EmailMapper mapper, ObjectProvider<JavaMailSender> sender, MailSettings settings,
			EmailTemplates templates, Cases cases, Clock clock, TransactionTemplate transactions,
			@Value("${sportello.public-url}") String publicUrl) {
		this.mapper = mapper;
		this.sender = sender;
		this.settings = settings;
		this.templates = templates;
		this.cases = cases;
		this.clock = clock;
		this.transactions = transactions;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
		this.node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** One round: claims and sends up to a batch of due emails; answers how many. */
	public int dispatchOnce() {
		Instant now = this.clock.instant();
		int claimed = 0;
		for (String id : this.mapper.dueIds(now, this.settings.batchSize())) {
			if (this.mapper.claim(id, this.node, now, now.plus(LEASE)) == 1) {
				claimed++;
				this.mapper.byId(id).ifPresent(this::send);
			}
		}
		return claimed;
	}

	private void send(EmailMessage message) {
		JavaMailSender smtp = this.sender.getIfAvailable();
		Instant now = this.clock.instant();
		if (smtp == null) {
			this.mapper.markSent(message.id(), this.node, Status.LOCAL, null, now);
			return;
		}
		if (this.mapper.optedOut(message.toAddress()) > 0) {
			fail(message, Status.REJECTED, "The address unsubscribed");
			return;
		}
		String messageId = "<" + message.id() + "@" + domainOf(this.settings.from()) + ">";
		try {
			MimeMessage mime = smtp.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
			helper.setFrom(new InternetAddress(this.settings.from(), this.settings.fromName(), "UTF-8"));
			helper.setTo(message.toAddress());
			helper.setSubject(message.subject());
			String body = (message.pin() != null) ? message.body().replace("{pin}", message.pin()) : message.body();
			helper.setText(body, EmailTemplates.html(body, message.language()));
			String unsubscribe = this.publicUrl + "/email/unsubscribe/" + message.id();
			mime.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
			mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
			mime.setHeader("Auto-Submitted", "auto-generated");
			mime.setHeader("Content-Language", message.language());
			mime.saveChanges();
			// after saveChanges, which would give it a Message-ID of its own
			mime.setHeader("Message-ID", messageId);
			smtp.send(mime);
			this.mapper.markSent(message.id(), this.node, Status.SENT, messageId, this.clock.instant());
		}
		catch (MailException | MessagingException | java.io.UnsupportedEncodingException ex) {
			int attempts = message.attempts() + 1;
			if (permanent(ex)) {
				fail(message, Status.REJECTED, describe(ex));
			}
			else if (attempts >= this.settings.maxAttempts()) {
				fail(message, Status.FAILED, "Gave up after " + attempts + " attempts: " + describe(ex));
			}
			else {
				log.info("Email {} to be retried (attempt {}): {}", message.id(), attempts, describe(ex));
				this.mapper.requeue(message.id(), this.node, this.clock.instant().plus(backoff(attempts)),
						truncate(describe(ex)), this.clock.instant());
			}
		}
	}

	/** 30 s, 1 min, 2 min ... at most one hour: as for SMS. */
	static Duration backoff(int attempts) {
		return org.sportello.notify.SmsDispatcher.backoff(attempts);
	}

	/**
	 * The server refused the address itself (5xx to RCPT TO): retrying will not help. A
	 * wrong password or a server down is ours to fix, and is retried.
	 */
	static boolean permanent(Exception ex) {
		if (ex instanceof MailAuthenticationException) {
			return false;
		}
		Throwable cause = ex;
		while (cause != null) {
			if (cause instanceof SMTPAddressFailedException failed) {
				return failed.getReturnCode() >= 500;
			}
			if (cause instanceof SendFailedException failed && failed.getInvalidAddresses() != null
					&& failed.getInvalidAddresses().length > 0 && failed.getNextException() == null) {
				return true;
			}
			if (cause instanceof MailSendException send) {
				for (Exception nested : send.getFailedMessages().values()) {
					if (nested != ex && permanent(nested)) {
						return true;
					}
				}
			}
			cause = (cause instanceof MessagingException messaging && messaging.getNextException() != null)
					? messaging.getNextException() : cause.getCause();
		}
		return false;
	}

	private static String describe(Exception ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String text = (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
		// the SMTP server's answer may repeat the address: not on the case, not in logs
		return text.replaceAll("[^\\s<>@]+@[^\\s<>@]+", "<address>").strip();
	}

	/** A message that will never go: stored as such and shown on the case's timeline. */
	private void fail(EmailMessage message, Status status, String error) {
		log.warn("Email {} for case {}: {} ({})", message.id(), message.caseId(), status, error);
		this.transactions.executeWithoutResult((tx) -> {
			this.mapper.markFailed(message.id(), this.node, status, truncate(error), this.clock.instant());
			if (message.caseId() != null) {
				this.cases.internalEvent(message.caseId(), EventType.EMAIL_FAILED, null,
						"Email non consegnabile: " + truncate(error));
			}
		});
	}

	private static String domainOf(String address) {
		int at = address.lastIndexOf('@');
		return (at >= 0) ? address.substring(at + 1) : "sportello.local";
	}

	static String truncate(String text) {
		return (text == null || text.length() <= 480) ? text : text.substring(0, 480);
	}

}
