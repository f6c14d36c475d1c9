package org.sportello.mail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the email outbox every {@code sportello.mail.dispatch-interval} and reads the
 * mailboxes every {@code sportello.mail.poll-interval}; tests switch both off
 * ({@code sportello.mail.scheduled=false}) and run them themselves.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "sportello.mail.scheduled", havingValue = "true", matchIfMissing = true)
class EmailDispatchSchedule {

	private final EmailDispatcher dispatcher;

	private final MailboxReader mailboxes;

	EmailDispatchSchedule(EmailDispatcher dispatcher, MailboxReader mailboxes) {
		this.dispatcher = dispatcher;
		this.mailboxes = mailboxes;
	}

	@Scheduled(fixedDelayString = "${sportello.mail.dispatch-interval:5s}")
	void dispatch() {
		while (this.dispatcher.dispatchOnce() > 0) {
			// a full batch may mean more are due
		}
	}

	@Scheduled(fixedDelayString = "${sportello.mail.poll-interval:60s}", initialDelayString = "15s")
	void poll() {
		this.mailboxes.readAll();
	}

}
