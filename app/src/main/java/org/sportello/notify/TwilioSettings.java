package org.sportello.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Twilio credentials and sender, from {@code TWILIO_ACCOUNT_SID},
 * {@code TWILIO_AUTH_TOKEN}, {@code TWILIO_FROM} or {@code TWILIO_MESSAGING_SERVICE_SID};
 * {@code apiBase} ({@code SPORTELLO_TWILIO_API_BASE}) points the SDK at a fake server in
 * tests.
 */
@ConfigurationProperties("sportello.twilio")
record TwilioSettings(String accountSid, String authToken, String from, String messagingServiceSid, String apiBase) {

	/** Whether real sending is on (otherwise SMS stay in the local outbox). */
	boolean configured() {
		return notBlank(this.accountSid) && notBlank(this.authToken)
				&& (notBlank(this.from) || notBlank(this.messagingServiceSid));
	}

	private static boolean notBlank(String value) {
		return value != null && !value.isBlank();
	}

}
