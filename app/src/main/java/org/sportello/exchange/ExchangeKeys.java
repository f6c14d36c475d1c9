package org.sportello.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * This installation's Ed25519 signing keys, outside the database: the file
 * {@code <data dir>/secrets/exchange-keys}, or {@code sportello.exchange.keys-file}. One
 * key a line, {@code keyid:private key:public key} (base64 of PKCS#8 and of X.509
 * SubjectPublicKeyInfo); the first line signs, every line is published at
 * {@code /api/exchange/v1/keys}. To rotate: add a line on top, give peers the new public
 * key as their second key, drop the old line once every peer has it. Generated at the
 * first start; every node of the installation must have the same file.
 */
@Component
public class ExchangeKeys {

	private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("'k'yyyyMMddHHmmss")
		.withZone(ZoneOffset.UTC);

	/** One key of this installation. */
	public record OwnKey(String keyId, PrivateKey privateKey, PublicKey publicKey) {

		/** The public key as peers configure it. */
		public String publicKeyText() {
			return Base64.getEncoder().encodeToString(this.publicKey.getEncoded());
		}

	}

	private final List<OwnKey> keys;

	ExchangeKeys(ExchangeSettings settings, Clock clock) {
		Path path = Path.of(settings.keysFile());
		try {
			if (!Files.exists(path)) {
				create(path, settings.installationId() + "-" + ID.format(clock.instant()));
			}
			this.keys = parse(Files.readAllLines(path, StandardCharsets.UTF_8), path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the exchange keys " + path, ex);
		}
	}

	/** The key that signs. */
	public OwnKey current() {
		return this.keys.get(0);
	}

	/** Every key peers may still verify with, the current one first. */
	public List<OwnKey> all() {
		return this.keys;
	}

	/** An Ed25519 public key from its base64 X.509 form; empty when it is not one. */
	public static java.util.Optional<PublicKey> publicKey(String base64) {
		try {
			PublicKey key = KeyFactory.getInstance("Ed25519")
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
			return java.util.Optional.of(key);
		}
		catch (GeneralSecurityException | IllegalArgumentException | NullPointerException ex) {
			return java.util.Optional.empty();
		}
	}

	/** A new key pair, as a line of the keys file. */
	public static String newKeyLine(String keyId) {
		try {
			KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
			Base64.Encoder base64 = Base64.getEncoder();
			return keyId + ":" + base64.encodeToString(pair.getPrivate().getEncoded()) + ":"
					+ base64.encodeToString(pair.getPublic().getEncoded());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Ed25519 is not available", ex);
		}
	}

	private static void create(Path path, String keyId) throws IOException {
		Files.createDirectories(path.getParent());
		Files.writeString(path, newKeyLine(keyId) + "\n", StandardCharsets.UTF_8);
		try {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: the folder's own protection applies
		}
	}

	private static List<OwnKey> parse(List<String> lines, Path path) {
		List<OwnKey> keys = new ArrayList<>();
		try {
			KeyFactory factory = KeyFactory.getInstance("Ed25519");
			for (String line : lines) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] parts = line.strip().split(":");
				if (parts.length != 3) {
					throw new IllegalStateException("Exchange keys file " + path + ": a line is not id:private:public");
				}
				Base64.Decoder base64 = Base64.getDecoder();
				keys.add(new OwnKey(parts[0], factory.generatePrivate(new PKCS8EncodedKeySpec(base64.decode(parts[1]))),
						factory.generatePublic(new X509EncodedKeySpec(base64.decode(parts[2])))));
			}
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("Exchange keys file " + path + " holds a key that is not Ed25519", ex);
		}
		if (keys.isEmpty()) {
			throw new IllegalStateException("Exchange keys file " + path + " holds no key");
		}
		return List.copyOf(keys);
	}

}
