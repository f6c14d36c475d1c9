package org.sportello.notify;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Quiet hours, per-number rate limit, retries and dispatch pace of the SMS outbox. The
 * quiet hours run from {@code quietFrom} (included) to {@code quietUntil} (excluded),
 * across midnight when {@code quietFrom} is later in the day; equal times mean no quiet
 * hours.
 */
@ConfigurationProperties("sportello.sms")
record SmsSettings(LocalTime quietFrom, LocalTime quietUntil, int perNumberPerHour, int maxAttempts,
		Duration dispatchInterval, int batchSize, int senders) {

	/** Whether no SMS may go out at this local time. */
	boolean isQuiet(LocalTime time) {
		if (this.quietFrom.equals(this.quietUntil)) {
			return false;
		}
		boolean afterStart = !time.isBefore(this.quietFrom);
		boolean beforeEnd = time.isBefore(this.quietUntil);
		return this.quietFrom.isBefore(this.quietUntil) ? (afterStart && beforeEnd) : (afterStart || beforeEnd);
	}

}
