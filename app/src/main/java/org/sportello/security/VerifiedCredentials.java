package org.sportello.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Credentials that passed a moment ago. The case API and the engine REST API are
 * stateless: an integration sends its user name and password with every request, and
 * checking them again each time (password hash, throttle rows, group queries) cost more
 * than opening the case itself (issue #19, ADR 0027). A right pair is remembered for
 * {@link #HOLD_SECONDS} seconds, as Apache httpd's mod_authn_socache does.
 * <p>
 * What is kept is an HMAC of user and password with a key made at start and never stored,
 * so the memory of the process holds neither passwords nor their hashes. A wrong password
 * is never remembered and always goes through the throttle. A password changed or a user
 * removed in Camunda Admin stops working after at most {@link #HOLD_SECONDS} seconds; the
 * groups (roles, offices) too.
 */
@Component
class VerifiedCredentials {

	static final long HOLD_SECONDS = 30;

	/** More than this many pairs at once is not an office's traffic: start again. */
	private static final int MAX_REMEMBERED = 10_000;

	private final byte[] key = new byte[32];

	private final Map<String, Verified> remembered = new ConcurrentHashMap<>();

	/** A pair that passed, with its authorities, and when (System.nanoTime). */
	private record Verified(String userId, List<GrantedAuthority> authorities, long at) {
	}

	VerifiedCredentials() {
		new SecureRandom().nextBytes(this.key);
	}

	/** The authorities of a pair that passed within the hold, or null. */
	List<GrantedAuthority> recall(String userId, String password) {
		Verified verified = this.remembered.get(fingerprint(userId, password));
		// monotonic time: the hold is about real seconds, whatever time the application
		// is told
		if (verified == null || System.nanoTime() - verified.at() > TimeUnit.SECONDS.toNanos(HOLD_SECONDS)
				|| !verified.userId().equals(userId)) {
			return null;
		}
		return verified.authorities();
	}

	void remember(String userId, String password, List<GrantedAuthority> authorities) {
		if (this.remembered.size() >= MAX_REMEMBERED) {
			this.remembered.clear();
		}
		this.remembered.put(fingerprint(userId, password), new Verified(userId, authorities, System.nanoTime()));
	}

	/** Forgets every pair (a test, or an administrator's change on this node). */
	void forget() {
		this.remembered.clear();
	}

	private String fingerprint(String userId, String password) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			mac.update(userId.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

}
