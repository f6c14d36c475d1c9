package org.sportello.support;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP and IMAP server in the test JVM (GreenMail), shared by every application
 * context of the JVM: the application sends its emails to it over SMTP and reads the
 * mailboxes {@link #URP} (channel EMAIL) and {@link #PEC} (channel PEC) from it over
 * IMAP. Tests deliver citizens' messages into those boxes and read what citizens receive.
 */
public final class TestMail {

	public static final String URP = "urp@sportello.test";

	public static final String PEC = "urp@pec.sportello.test";

	public static final String PASSWORD = "mailbox-secret";

	private static GreenMail shared;

	private TestMail() {
	}

	public static synchronized GreenMail shared() {
		if (shared == null) {
			GreenMail mail = new GreenMail(
					new ServerSetup[] { new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
							new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
			mail.start();
			mail.setUser(URP, URP, PASSWORD);
			mail.setUser(PEC, PEC, PASSWORD);
			shared = mail;
		}
		return shared;
	}

	public static int smtpPort() {
		return shared().getSmtp().getPort();
	}

	public static int imapPort() {
		return shared().getImap().getPort();
	}

	/** The messages the server received for one address, oldest first. */
	public static List<MimeMessage> receivedBy(String address) {
		return Arrays.stream(shared().getReceivedMessages()).filter((message) -> {
			try {
				return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
					.anyMatch((to) -> to.toString().toLowerCase(java.util.Locale.ROOT).contains(address));
			}
			catch (MessagingException ex) {
				return false;
			}
		}).toList();
	}

}
