package org.sportello.cases;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * PINs are stored as HMAC-SHA-256 of tracking code and PIN with a server secret
 * ({@link PinKeys}): {@code hmac1$<key id>$<base64>}. A 6-digit PIN is protected by the
 * attempt limits and the secret, not by a deliberately slow hash, and checking one costs
 * microseconds. {@link #matches} does the same work whatever it is given: an unknown code
 * is checked against a stand-in hash of the same form, so that neither the answer nor its
 * time says whether a code exists. PINs of cases opened before this scheme (BCrypt,
 * {@code $2...}) still verify, slowly, and are rehashed at the first right PIN.
 */
@Component
class PinHasher {

	private static final String SCHEME = "hmac1";

	private final PinKeys keys;

	private final BCryptPasswordEncoder legacy = new BCryptPasswordEncoder();

	/**
	 * Checked when the code is unknown: same scheme, same key, never matches a real PIN.
	 */
	private final String standIn;

	PinHasher(PinKeys keys) {
		this.keys = keys;
		this.standIn = SCHEME + "$" + keys.currentId() + "$"
				+ Base64.getEncoder().encodeToString(hmac(keys.current(), "SPT-0000-0000", "unused"));
	}

	String hash(String trackingCode, String pin) {
		return SCHEME + "$" + this.keys.currentId() + "$"
				+ Base64.getEncoder().encodeToString(mac(this.keys.current(), trackingCode, pin));
	}

	/** Whether the PIN is the one hashed; {@code stored} null means an unknown code. */
	boolean matches(String trackingCode, String pin, String stored) {
		String hash = (stored != null) ? stored : this.standIn;
		String candidate = (pin != null) ? pin : "";
		if (hash.startsWith("$2")) {
			return this.legacy.matches(candidate, hash) && stored != null;
		}
		String[] parts = hash.split("\\$", 3);
		byte[] key = (parts.length == 3 && SCHEME.equals(parts[0])) ? this.keys.key(parts[1]) : null;
		byte[] expected = (key != null) ? Base64.getDecoder().decode(parts[2]) : new byte[32];
		byte[] actual = mac((key != null) ? key : this.keys.current(), trackingCode, candidate);
		// constant time: MessageDigest.isEqual looks at every byte
		return MessageDigest.isEqual(expected, actual) && key != null && stored != null;
	}

	/** Whether the hash should be replaced by one of the current scheme and key. */
	boolean outdated(String stored) {
		return stored != null && !stored.startsWith(SCHEME + "$" + this.keys.currentId() + "$");
	}

	/** The one expensive step: every check runs it exactly once (a test counts it). */
	byte[] mac(byte[] key, String trackingCode, String pin) {
		return hmac(key, trackingCode, pin);
	}

	private static byte[] hmac(byte[] key, String trackingCode, String pin) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal((trackingCode + "\n" + pin).getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

}
