package org.sportello.mail;

import java.io.ByteArrayOutputStream;
import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Reads the configured mailboxes over IMAP (IMAPS unless a mailbox says otherwise): the
 * unseen messages of the folder, oldest first, at most {@code max-per-poll} a round. Each
 * message is taken by {@link MailIntake} in its own transaction and then flagged seen
 * (and moved to the done folder, when there is one). A message that fails stays unseen
 * and is read again next round; its key makes sure it is never taken twice.
 */
@Component
public class MailboxReader {

	private static final Logger log = LoggerFactory.getLogger(MailboxReader.class);

	private final MailSettings settings;

	private final MailIntake intake;

	MailboxReader(MailSettings settings, MailIntake intake) {
		this.settings = settings;
		this.intake = intake;
	}

	/** One round over every enabled mailbox; answers how many messages were taken. */
	public int readAll() {
		int taken = 0;
		for (MailSettings.Mailbox mailbox : this.settings.mailboxes()) {
			if (mailbox.enabled()) {
				try {
					taken += read(mailbox);
				}
				catch (MessagingException | RuntimeException ex) {
					log.warn("Mailbox {} not read: {}", mailbox.id(), ex.toString());
				}
			}
		}
		return taken;
	}

	int read(MailSettings.Mailbox mailbox) throws MessagingException {
		String protocol = mailbox.ssl() ? "imaps" : "imap";
		Properties properties = new Properties();
		properties.put("mail.store.protocol", protocol);
		properties.put("mail." + protocol + ".connectiontimeout", "10000");
		properties.put("mail." + protocol + ".timeout", "30000");
		if (mailbox.ssl()) {
			properties.put("mail.imaps.ssl.checkserveridentity", "true");
		}
		Session session = Session.getInstance(properties);
		int taken = 0;
		try (Store store = session.getStore(protocol)) {
			store.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailbox.password());
			Folder folder = store.getFolder(mailbox.folder());
			folder.open(Folder.READ_WRITE);
			try {
				Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
				for (int i = 0; i < unseen.length && i < this.settings.maxPerPoll(); i++) {
					if (take(mailbox, folder, unseen[i])) {
						taken++;
					}
				}
			}
			finally {
				folder.close(mailbox.doneFolder() != null && !mailbox.doneFolder().isBlank());
			}
		}
		return taken;
	}

	private boolean take(MailSettings.Mailbox mailbox, Folder folder, Message message) {
		try {
			ByteArrayOutputStream raw = new ByteArrayOutputStream();
			message.writeTo(raw);
			InboundMail mail = InboundMail.parse(raw.toByteArray());
			MailIntake.Outcome outcome;
			try {
				outcome = this.intake.take(mailbox, mail);
			}
			catch (org.springframework.dao.DuplicateKeyException ex) {
				// another node took it in the same moment
				outcome = MailIntake.Outcome.SEEN;
			}
			catch (org.sportello.intake.InvalidRequestException ex) {
				this.intake.ignore(mailbox, mail, "invalid " + ex.field());
				outcome = MailIntake.Outcome.IGNORED;
			}
			message.setFlag(Flags.Flag.SEEN, true);
			if (mailbox.doneFolder() != null && !mailbox.doneFolder().isBlank()) {
				folder.copyMessages(new Message[] { message }, folder.getStore().getFolder(mailbox.doneFolder()));
				message.setFlag(Flags.Flag.DELETED, true);
			}
			return outcome != MailIntake.Outcome.SEEN;
		}
		catch (Exception ex) {
			// left unseen: read again next round
			log.warn("Mailbox {}: a message could not be taken: {}", mailbox.id(), ex.toString());
			return false;
		}
	}

}
