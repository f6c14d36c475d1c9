package org.sportello.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing without letting anyone lock an official out. Wrong
 * passwords are counted per user name <em>and</em> client address: from the
 * {@value #FREE_FAILURES}th failure that pair waits 1 s, then 2, 4, 8 ... at most
 * {@link #LONGEST_WAIT}, and attempts while it waits are refused without checking the
 * password. Another address (the official at their desk) is not affected. A right
 * password clears the pair; a pair unseen for {@link #FORGET_AFTER} is forgotten.
 * Counters are rows in the database, shared by all nodes. Camunda's own lock-out per
 * user, which strangers could trigger, is switched off (EngineHardeningPlugin).
 */
@Service
@EnableScheduling
public class LoginThrottle {

	static final int FREE_FAILURES = 3;

	static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

	static final Duration FORGET_AFTER = Duration.ofHours(24);

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private final LoginFailureMapper mapper;

	private final Clock clock;

	LoginThrottle(LoginFailureMapper mapper, Clock clock) {
		this.mapper = mapper;
		this.clock = clock;
	}

	/** How long this pair must still wait; zero when it may try. */
	Duration waitFor(String user, String address) {
		Instant now = this.clock.instant();
		return this.mapper.one(key(user), key(address))
			.filter((failure) -> failure.blockedAt(now))
			.map((failure) -> Duration.between(now, failure.blockedUntil()))
			.orElse(Duration.ZERO);
	}

	/**
	 * A wrong password: counted, in its own transaction (the refusal rolls nothing back).
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void failed(String user, String address) {
		String u = key(user);
		String a = key(address);
		Instant now = this.clock.instant();
		Instant since = now.minus(FORGET_AFTER);
		if (this.mapper.count(u, a, now, since) == 0 && this.mapper.restart(u, a, now, since) == 0) {
			try {
				this.mapper.insert(u, a, now);
			}
			catch (DuplicateKeyException ex) {
				this.mapper.count(u, a, now, since);
			}
		}
		Optional<LoginFailure> row = this.mapper.one(u, a);
		row.filter((failure) -> failure.failures() >= FREE_FAILURES).ifPresent((failure) -> {
			Duration wait = delay(failure.failures());
			this.mapper.block(u, a, now.plus(wait));
			log.warn("Sign-in of {} from {} waits {} after {} wrong passwords", u, a, wait, failure.failures());
		});
	}

	/** A right password from this address: its count starts again. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void succeeded(String user, String address) {
		this.mapper.forget(key(user), key(address));
	}

	/** Recent failures, blocked pairs first, for administrators. */
	public List<LoginFailure> recent() {
		return this.mapper.recent(this.clock.instant().minus(FORGET_AFTER));
	}

	/** An administrator lifts the waits of a user, from every address. */
	@Transactional
	public int unblock(String user) {
		log.info("Sign-in waits of {} lifted by an administrator", key(user));
		return this.mapper.forgetUser(key(user));
	}

	@Scheduled(fixedDelay = 600_000, initialDelay = 60_000)
	void forgetOldFailures() {
		this.mapper.forgetBefore(this.clock.instant().minus(FORGET_AFTER));
	}

	/** 1 s at the third failure, doubling, at most {@link #LONGEST_WAIT}. */
	static Duration delay(int failures) {
		int doublings = Math.min(failures - FREE_FAILURES, 20);
		Duration wait = Duration.ofSeconds(1L << Math.max(doublings, 0));
		return (wait.compareTo(LONGEST_WAIT) > 0) ? LONGEST_WAIT : wait;
	}

	/** User names and addresses as typed, cut to the column. */
	private static String key(String value) {
		String text = (value == null) ? "" : value;
		return (text.length() <= 64) ? text : text.substring(0, 64);
	}

}
