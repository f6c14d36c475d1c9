package org.sportello.exchange;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sportello.exchange.*}: who this installation is to its peers, where its keys
 * live, how long a signed message is accepted, how the outbox retries.
 *
 * @param installationId this installation's name in key ids and messages
 * @param keysFile the signing keys ({@link ExchangeKeys})
 * @param window a message signed longer ago (or later) than this is refused as stale
 * @param firstRetry the first retry after a failed delivery; each next one doubles, up to
 * {@code maxRetry}
 * @param maxRetry the longest wait between two attempts
 * @param dispatchInterval how often the outbox is sent
 * @param timeout how long a peer may take to answer
 */
@ConfigurationProperties("sportello.exchange")
public record ExchangeSettings(String installationId, String keysFile, Duration window, Duration firstRetry,
		Duration maxRetry, Duration dispatchInterval, Duration timeout) {

	public ExchangeSettings {
		installationId = (installationId == null || installationId.isBlank()) ? "sportello" : installationId.strip();
		window = (window == null) ? Duration.ofMinutes(5) : window;
		firstRetry = (firstRetry == null) ? Duration.ofSeconds(30) : firstRetry;
		maxRetry = (maxRetry == null) ? Duration.ofHours(1) : maxRetry;
		dispatchInterval = (dispatchInterval == null) ? Duration.ofSeconds(5) : dispatchInterval;
		timeout = (timeout == null) ? Duration.ofSeconds(30) : timeout;
	}

	/** The wait before attempt {@code attempts + 1}: doubling from the first, capped. */
	public Duration backoff(int attempts) {
		long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
		Duration wait = this.firstRetry.multipliedBy(factor);
		return (wait.compareTo(this.maxRetry) > 0) ? this.maxRetry : wait;
	}

}
