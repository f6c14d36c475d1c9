package org.sportello.cases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * PINs as keyed hashes: right and wrong PINs, unknown codes doing the same work as wrong
 * PINs, key rotation, and the PINs of cases opened before (BCrypt).
 */
class PinHasherTests {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

	@TempDir
	Path dir;

	/** Counts the keyed hash computations and remembers the keys they used. */
	static final class CountingHasher extends PinHasher {

		final List<byte[]> keysUsed = new ArrayList<>();

		CountingHasher(PinKeys keys) {
			super(keys);
		}

		@Override
		byte[] mac(byte[] key, String trackingCode, String pin) {
			this.keysUsed.add(key);
			return super.mac(key, trackingCode, pin);
		}

	}

	@Test
	void theRightPinMatchesAndAWrongOneDoesNot() {
		PinHasher pins = new PinHasher(keys());
		String hash = pins.hash("SPT-7KQ4-M9XD", "123456");
		assertThat(hash).startsWith("hmac1$k20261202100000$").doesNotContain("123456");
		assertThat(pins.matches("SPT-7KQ4-M9XD", "123456", hash)).isTrue();
		assertThat(pins.matches("SPT-7KQ4-M9XD", "123457", hash)).isFalse();
		assertThat(pins.matches("SPT-7KQ4-M9XD", null, hash)).isFalse();
		// the hash is bound to its case: the same PIN of another case does not match
		assertThat(pins.matches("SPT-2222-2222", "123456", hash)).isFalse();
		assertThat(pins.matches("SPT-7KQ4-M9XD", "123456", "hmac1$nokey$AAAA")).isFalse();
	}

	@Test
	void anUnknownCodeDoesTheSameWorkAsAWrongPin() {
		CountingHasher pins = new CountingHasher(keys());
		String hash = pins.hash("SPT-7KQ4-M9XD", "123456");
		pins.keysUsed.clear();

		assertThat(pins.matches("SPT-7KQ4-M9XD", "654321", hash)).isFalse();
		assertThat(pins.matches("SPT-ZZZZ-ZZZZ", "654321", null)).isFalse();
		assertThat(pins.matches("SPT-7KQ4-M9XD", "123456", hash)).isTrue();

		// one keyed hash each, with the same key: wrong PIN, unknown code, right PIN
		assertThat(pins.keysUsed).hasSize(3);
		assertThat(pins.keysUsed.get(0)).isEqualTo(pins.keysUsed.get(1)).isEqualTo(pins.keysUsed.get(2));
	}

	@Test
	void afterARotationOldPinsStillMatchAndAreMarkedForRehashing() throws IOException {
		PinKeys first = keys();
		String old = new PinHasher(first).hash("SPT-7KQ4-M9XD", "123456");
		Path file = this.dir.resolve("pin-keys");
		List<String> lines = new ArrayList<>(Files.readAllLines(file));
		lines.add(0, "k20270101000000:" + java.util.Base64.getEncoder().encodeToString(new byte[32]));
		Files.write(file, lines);

		PinHasher rotated = new PinHasher(new PinKeys(file.toString(), CLOCK));
		assertThat(rotated.matches("SPT-7KQ4-M9XD", "123456", old)).isTrue();
		assertThat(rotated.outdated(old)).isTrue();
		String renewed = rotated.hash("SPT-7KQ4-M9XD", "123456");
		assertThat(renewed).startsWith("hmac1$k20270101000000$");
		assertThat(rotated.outdated(renewed)).isFalse();
	}

	@Test
	void pinsOfCasesOpenedBeforeStillMatch() {
		PinHasher pins = new PinHasher(keys());
		String bcrypt = new BCryptPasswordEncoder(4).encode("123456");
		assertThat(pins.matches("SPT-7KQ4-M9XD", "123456", bcrypt)).isTrue();
		assertThat(pins.matches("SPT-7KQ4-M9XD", "000000", bcrypt)).isFalse();
		assertThat(pins.outdated(bcrypt)).isTrue();
	}

	@Test
	void theKeyFileIsCreatedOnceAndABrokenOneIsRefused() throws IOException {
		PinKeys created = keys();
		byte[] secret = created.current().clone();
		assertThat(new PinKeys(this.dir.resolve("pin-keys").toString(), CLOCK).current()).isEqualTo(secret);
		assertThat(Arrays.equals(secret, new byte[32])).isFalse();

		Path broken = this.dir.resolve("broken");
		Files.writeString(broken, "k1:c2hvcnQ=\n");
		assertThatIllegalStateException().isThrownBy(() -> new PinKeys(broken.toString(), CLOCK))
			.withMessageContaining("at least 16 bytes");
	}

	private PinKeys keys() {
		return new PinKeys(this.dir.resolve("pin-keys").toString(), CLOCK);
	}

}
