package org.sportello.mail;

import java.time.Duration;
import java.util.List;

import org.sportello.cases.Channel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The email channel: the sender of notifications, the pace of the outbox, and the
 * mailboxes read for new requests. The SMTP server itself is Spring Boot's
 * {@code spring.mail.*}; without {@code spring.mail.host} emails stay in the local
 * outbox.
 *
 * @param from the notifications' sender address
 * @param fromName the name shown with it
 * @param mailboxes the mailboxes (email or PEC) read over IMAPS
 */
@ConfigurationProperties("sportello.mail")
public record MailSettings(@DefaultValue("sportello@localhost") String from,
		@DefaultValue("Sportello per il cittadino") String fromName, @DefaultValue("8") int maxAttempts,
		@DefaultValue("50") int batchSize, @DefaultValue("60s") Duration pollInterval,
		@DefaultValue("20") int maxPerPoll, List<Mailbox> mailboxes) {

	public MailSettings {
		mailboxes = (mailboxes == null) ? List.of() : List.copyOf(mailboxes);
	}

	/**
	 * One mailbox: {@code id} names it on the cases it opens; {@code channel} EMAIL or
	 * PEC; IMAPS ({@code ssl}, port 993) unless told otherwise; read messages are flagged
	 * seen and, when {@code doneFolder} is set, moved there.
	 */
	public record Mailbox(String id, @DefaultValue("EMAIL") Channel channel, String host, @DefaultValue("993") int port,
			@DefaultValue("true") boolean ssl, String username, String password, @DefaultValue("INBOX") String folder,
			String doneFolder, @DefaultValue("true") boolean enabled) {

		@Override
		public String toString() {
			// never the password in a log line
			return "Mailbox[" + this.id + " " + this.channel + " " + this.username + "@" + this.host + ":" + this.port
					+ "/" + this.folder + "]";
		}

	}

}
