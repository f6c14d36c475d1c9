package org.sportello.notify;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sportello.cases.Cases;
import org.sportello.cases.TimelineEvent.EventType;
import org.sportello.notify.SmsMessage.Status;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox. Each run claims due messages one by one with a conditional update, so
 * that of several dispatchers (nodes) exactly one gets each message; a claim is a lease
 * (five minutes) that another node takes over only if this one died; it first asks Twilio
 * whether the dead node's send got there, so that a message is not sent twice. Outside
 * the quiet hours (by default 21:00-08:00 in the application's time zone) and within the
 * per-number limit, messages go to Twilio; transient errors come back with exponential
 * backoff, permanent ones stop and show on the case. Without Twilio credentials messages
 * are marked LOCAL: the outbox view shows them exactly as they would have been sent.
 */
@Component
public class SmsDispatcher {

	static final Duration LEASE = Duration.ofMinutes(5);

	static final Duration FIRST_RETRY = Duration.ofSeconds(30);

	static final Duration LONGEST_RETRY = Duration.ofHours(1);

	/** How far our clock and Twilio's may differ when we look for a message it took. */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

	private static final Logger log = LoggerFactory.getLogger(SmsDispatcher.class);

	private final SmsMapper mapper;

	private final SmsOutbox outbox;

	private final TwilioSmsGateway twilio;

	private final TwilioSettings twilioSettings;

	private final SmsSettings settings;

	private final Cases cases;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final String statusCallback;

	private final String node;

	private final ExecutorService senders;

	SmsDispatcher(SmsMapper mapper, SmsOutbox outbox, TwilioSmsGateway twilio, TwilioSettings twilioSettings,
			SmsSettings settings, Cases cases, Clock clock, TransactionTemplate transactions,
			@Value("${sportello.public-url}") String publicUrl) {
		this.mapper = mapper;
		this.outbox = outbox;
		this.twilio = twilio;
		this.twilioSettings = twilioSettings;
		this.settings = settings;
		this.cases = cases;
		this.clock = clock;
		this.transactions = transactions;
		this.statusCallback = publicUrl.replaceAll("/+$", "") + "/sms/status";
		this.node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
		this.senders = Executors.newFixedThreadPool(Math.max(1, settings.senders()));
	}

	@PreDestroy
	void stop() {
		this.senders.shutdownNow();
	}

	/** Whether the time is within the quiet hours, when no SMS goes out. */
	boolean isQuiet(Instant instant) {
		return this.settings.isQuiet(instant.atZone(this.clock.getZone()).toLocalTime());
	}

	/**
	 * One round: claims up to a batch of due messages and sends them in parallel, each
	 * number's messages in turn by one sender (so that the per-number limit counts every
	 * message before the next). Answers how many it claimed.
	 */
	public int dispatchOnce() {
		Instant now = this.clock.instant();
		if (isQuiet(now)) {
			return 0;
		}
		List<SmsMapper.Due> due = this.mapper.due(now, this.settings.batchSize());
		if (due.isEmpty()) {
			return 0;
		}
		Map<String, Instant> takenOver = new HashMap<>();
		due.stream()
			.filter((message) -> message.expiredLease() != null)
			.forEach((message) -> takenOver.put(message.id(), message.expiredLease()));
		// one statement claims the batch; the claimed rows are read back as they are now
		// (a newer status may have replaced a queued text)
		// whole seconds: MariaDB's TIMESTAMP keeps no fraction, and the claimed rows are
		// read
		// back by this value
		Instant until = now.plus(LEASE).truncatedTo(ChronoUnit.SECONDS);
		this.mapper.claimAll(due.stream().map(SmsMapper.Due::id).toList(), this.node, now, until);
		List<SmsMessage> claimed = this.mapper.claimed(this.node, until);
		Map<String, List<SmsMessage>> byNumber = new LinkedHashMap<>();
		for (SmsMessage message : claimed) {
			byNumber.computeIfAbsent(message.toNumber(), (number) -> new ArrayList<>()).add(message);
		}
		List<Future<?>> sending = new ArrayList<>();
		for (List<SmsMessage> messages : byNumber.values()) {
			sending.add(this.senders
				.submit(() -> messages.forEach((message) -> send(message, takenOver.get(message.id())))));
		}
		for (Future<?> future : sending) {
			try {
				future.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return claimed.size();
			}
			catch (java.util.concurrent.ExecutionException ex) {
				// the message keeps its lease and is taken again when it expires
				log.error("SMS dispatch failed unexpectedly", ex.getCause());
			}
		}
		return claimed.size();
	}

	/**
	 * Sends one claimed message. {@code expiredLease} is the end of a dead dispatcher's
	 * claim on it, if it had one.
	 */
	private void send(SmsMessage message, Instant expiredLease) {
		Instant now = this.clock.instant();
		String body = this.outbox.currentBody(message);
		if (!this.twilioSettings.configured()) {
			this.mapper.markSent(message.id(), this.node, Status.LOCAL, body, null, now);
			return;
		}
		if (expiredLease != null && alreadyAtTwilio(message, body, expiredLease.minus(LEASE))) {
			return;
		}
		SmsMapper.Limits limits = this.mapper.limits(message.toNumber(), now.minus(Duration.ofHours(1)));
		if (limits.optedOut() > 0) {
			fail(message, Status.REJECTED, "The number opted out (STOP)");
			return;
		}
		if (limits.sent() >= this.settings.perNumberPerHour()) {
			this.mapper.requeue(message.id(), this.node, now.plus(Duration.ofMinutes(15)), 0,
					"Per-number limit reached, sending later", now);
			return;
		}
		try {
			String sid = this.twilio.send(message.toNumber(), body, this.statusCallback);
			this.mapper.markSent(message.id(), this.node, Status.SENT, body, sid, this.clock.instant());
		}
		catch (SmsSendException ex) {
			int attempts = message.attempts() + 1;
			if (ex.permanent()) {
				fail(message, Status.REJECTED, ex.getMessage());
			}
			else if (attempts >= this.settings.maxAttempts()) {
				fail(message, Status.FAILED, "Gave up after " + attempts + " attempts: " + ex.getMessage());
			}
			else {
				log.info("SMS {} to be retried (attempt {}): {}", message.id(), attempts, ex.getMessage());
				this.mapper.requeue(message.id(), this.node, this.clock.instant().plus(backoff(attempts)), 1,
						ex.getMessage(), this.clock.instant());
			}
		}
	}

	/**
	 * Whether a dead dispatcher's send had reached Twilio before it stopped: Twilio's
	 * Messages API has no idempotency key, so before sending again we look for the same
	 * text to the same number created since that claim began, and take its SID. If Twilio
	 * cannot be asked, the message waits (it is never sent blind twice).
	 */
	private boolean alreadyAtTwilio(SmsMessage message, String body, Instant claimedAt) {
		Optional<String> sid;
		try {
			sid = this.twilio.sentSince(message.toNumber(), body, claimedAt.minus(CLOCK_SKEW));
		}
		catch (SmsSendException ex) {
			this.mapper.requeue(message.id(), this.node, this.clock.instant().plus(FIRST_RETRY), 0,
					"Taken over from a stopped dispatcher; Twilio could not be asked: " + truncate(ex.getMessage()),
					this.clock.instant());
			return true;
		}
		if (sid.isEmpty()) {
			return false;
		}
		log.info("SMS {} had reached Twilio ({}) before its dispatcher stopped: not sent again", message.id(),
				sid.get());
		this.mapper.markSent(message.id(), this.node, Status.SENT, body, sid.get(), this.clock.instant());
		return true;
	}

	/** 30 s, 1 min, 2 min ... at most one hour (the email outbox waits the same). */
	public static Duration backoff(int attempts) {
		Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
		return (wait.compareTo(LONGEST_RETRY) > 0) ? LONGEST_RETRY : wait;
	}

	/** A message that will never go: stored as such and shown on the case's timeline. */
	private void fail(SmsMessage message, Status status, String error) {
		log.warn("SMS {} for case {}: {} ({})", message.id(), message.caseId(), status, error);
		this.transactions.executeWithoutResult((tx) -> {
			this.mapper.markFailed(message.id(), this.node, status, truncate(error), this.clock.instant());
			if (message.caseId() != null) {
				this.cases.internalEvent(message.caseId(), EventType.SMS_FAILED, null,
						"SMS non consegnabile: " + truncate(error));
			}
		});
	}

	static String truncate(String text) {
		return (text == null || text.length() <= 480) ? text : text.substring(0, 480);
	}

}
