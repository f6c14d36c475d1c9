package org.sportello.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed tracking code/PIN attempts, per client address and per tracking code: after
 * {@value #MAX_FAILURES} failures in a window of {@link #WINDOW} that address, or that
 * code, must wait until the window closes. The counters are rows in the database, shared
 * by every node; closed windows are deleted every minute, so the table holds at most what
 * arrived in one window and no address's counter is ever cleared to make room for
 * another. Right pairs are not counted: with an HMAC they cost microseconds.
 */
@Component
@EnableScheduling
class AttemptLimiter {

	static final int MAX_FAILURES = 10;

	static final Duration WINDOW = Duration.ofMinutes(15);

	enum Scope {

		ADDRESS, CODE

	}

	private final AttemptMapper mapper;

	private final Clock clock;

	AttemptLimiter(AttemptMapper mapper, Clock clock) {
		this.mapper = mapper;
		this.clock = clock;
	}

	/** Throws {@link TooManyAttemptsException} when the address or the code must wait. */
	void check(String address, String trackingCode) {
		Instant now = this.clock.instant();
		Duration byAddress = wait(Scope.ADDRESS, address, now);
		Duration byCode = wait(Scope.CODE, trackingCode, now);
		Duration wait = (byAddress.compareTo(byCode) >= 0) ? byAddress : byCode;
		if (!wait.isZero()) {
			throw new TooManyAttemptsException(wait);
		}
	}

	/**
	 * Counts a wrong pair, in a transaction of its own: the refusal must not roll it
	 * back.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void failed(String address, String trackingCode) {
		Instant now = this.clock.instant();
		count(Scope.ADDRESS, address, now);
		count(Scope.CODE, trackingCode, now);
	}

	/** Forgets every failure (tests). */
	void reset() {
		this.mapper.forgetAll();
	}

	@Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
	void forgetClosedWindows() {
		this.mapper.forgetBefore(this.clock.instant().minus(WINDOW));
	}

	private Duration wait(Scope scope, String key, Instant now) {
		Optional<AttemptMapper.Window> window = this.mapper.window(scope.name(), key(key));
		if (window.isEmpty() || window.get().failures() < MAX_FAILURES) {
			return Duration.ZERO;
		}
		Duration left = Duration.between(now, window.get().windowStart().plus(WINDOW));
		return left.isNegative() ? Duration.ZERO : left;
	}

	private void count(Scope scope, String key, Instant now) {
		String k = key(key);
		Instant openSince = now.minus(WINDOW);
		if (this.mapper.count(scope.name(), k, openSince) == 1
				|| this.mapper.restart(scope.name(), k, openSince, now) == 1) {
			return;
		}
		try {
			this.mapper.insert(scope.name(), k, now);
		}
		catch (DuplicateKeyException ex) {
			// another node counted the first failure at the same moment
			this.mapper.count(scope.name(), k, openSince);
		}
	}

	/** Keys fit the column: addresses and codes are short, anything longer is cut. */
	private static String key(String key) {
		String value = (key == null) ? "" : key;
		return (value.length() <= 64) ? value : value.substring(0, 64);
	}

}
