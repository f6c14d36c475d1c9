package org.sportello.cases;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Keeps a PIN sealed for a short while (AES-256-GCM, the key derived from the PIN key
 * file by HMAC), for the one case where the PIN must be told again: a client repeating
 * its request with the same Idempotency-Key because the first answer was lost.
 */
@Component
public class PinVault {

	private static final String SCHEME = "s1";

	private final PinKeys keys;

	private final SecureRandom random = new SecureRandom();

	PinVault(PinKeys keys) {
		this.keys = keys;
	}

	public String seal(String pin) {
		try {
			byte[] iv = new byte[12];
			this.random.nextBytes(iv);
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, this.keys.current(), iv);
			byte[] sealed = cipher.doFinal(pin.getBytes(StandardCharsets.UTF_8));
			byte[] all = Arrays.copyOf(iv, iv.length + sealed.length);
			System.arraycopy(sealed, 0, all, iv.length, sealed.length);
			return SCHEME + "$" + this.keys.currentId() + "$" + Base64.getEncoder().encodeToString(all);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is part of every Java runtime", ex);
		}
	}

	/**
	 * The PIN, or null when the key it was sealed with is gone or the text was altered.
	 */
	public String open(String sealed) {
		String[] parts = sealed.split("\\$", 3);
		byte[] key = (parts.length == 3 && SCHEME.equals(parts[0])) ? this.keys.key(parts[1]) : null;
		if (key == null) {
			return null;
		}
		try {
			byte[] all = Base64.getDecoder().decode(parts[2]);
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(all, 12));
			return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return null;
		}
	}

	private static Cipher cipher(int mode, byte[] pinKey, byte[] iv) throws GeneralSecurityException {
		// a key of its own for sealing, derived from the PIN key (never the same key for
		// two uses)
		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(pinKey, "HmacSHA256"));
		byte[] aesKey = mac.doFinal("sportello pin seal".getBytes(StandardCharsets.UTF_8));
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, new SecretKeySpec(aesKey, "AES"), new GCMParameterSpec(128, iv));
		return cipher;
	}

}
