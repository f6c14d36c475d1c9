package org.sportello.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Failed code/PIN attempts per client address: after {@value #MAX_FAILURES} failures in
 * {@link #WINDOW} the address must wait. Kept in memory per node (with several nodes an
 * address gets that many per node), which is enough to make guessing a 6-digit PIN
 * hopeless.
 */
@Component
class AttemptLimiter {

	static final int MAX_FAILURES = 10;

	static final Duration WINDOW = Duration.ofMinutes(15);

	/** Beyond this many addresses the oldest entries are dropped (memory bound). */
	private static final int MAX_ADDRESSES = 100_000;

	private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

	private final Clock clock;

	AttemptLimiter(Clock clock) {
		this.clock = clock;
	}

	/** Throws {@link TooManyAttemptsException} when the address must wait. */
	void check(String address) {
		Deque<Instant> recent = this.failures.get(address);
		if (recent == null) {
			return;
		}
		synchronized (recent) {
			Instant now = this.clock.instant();
			while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(WINDOW))) {
				recent.pollFirst();
			}
			if (recent.size() >= MAX_FAILURES) {
				throw new TooManyAttemptsException(Duration.between(now, recent.peekFirst().plus(WINDOW)));
			}
		}
	}

	/** Forgets every failure (tests). */
	void reset() {
		this.failures.clear();
	}

	void failed(String address) {
		if (this.failures.size() > MAX_ADDRESSES) {
			this.failures.clear();
		}
		Deque<Instant> recent = this.failures.computeIfAbsent(address, (key) -> new ArrayDeque<>());
		synchronized (recent) {
			recent.addLast(this.clock.instant());
		}
	}

}
