package org.sportello.notify;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Quiet hours, per-number rate limit, retries and dispatch pace of the SMS outbox. */
@ConfigurationProperties("sportello.sms")
record SmsSettings(LocalTime quietFrom, LocalTime quietUntil, int perNumberPerHour, int maxAttempts,
		Duration dispatchInterval, int batchSize, int senders) {
}
