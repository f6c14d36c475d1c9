package org.sportello.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The server secrets that key the PIN hashes, kept outside the database (a stolen dump
 * alone does not let anyone test PINs): the file {@code <data dir>/secrets/pin-keys}, or
 * {@code sportello.pin-keys-file}. One key a line, {@code id:base64}, the first line is
 * the key new PINs are hashed with; the others still verify the PINs hashed with them. To
 * rotate, add a new line on top; drop an old line once the cases it served are finished.
 * Generated with 32 random bytes at the first start; every node must have the same file.
 */
@Component
class PinKeys {

	private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("'k'yyyyMMddHHmmss")
		.withZone(ZoneOffset.UTC);

	private final Map<String, byte[]> keys;

	private final String currentId;

	PinKeys(@Value("${sportello.pin-keys-file:${sportello.data-dir}/secrets/pin-keys}") String file, Clock clock) {
		Path path = Path.of(file);
		try {
			if (!Files.exists(path)) {
				create(path, ID.format(clock.instant()));
			}
			this.keys = parse(Files.readAllLines(path, StandardCharsets.UTF_8), path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the PIN keys " + path, ex);
		}
		this.currentId = this.keys.keySet().iterator().next();
	}

	String currentId() {
		return this.currentId;
	}

	byte[] current() {
		return this.keys.get(this.currentId);
	}

	/** The key with this id, or null when it was dropped. */
	byte[] key(String id) {
		return this.keys.get(id);
	}

	private static void create(Path path, String id) throws IOException {
		Files.createDirectories(path.getParent());
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		String line = id + ":" + Base64.getEncoder().encodeToString(secret) + "\n";
		Path partial = path.resolveSibling(path.getFileName() + ".new");
		Files.writeString(partial, line, StandardCharsets.UTF_8);
		try {
			Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: the folder's permissions protect it
		}
		Files.move(partial, path);
	}

	private static Map<String, byte[]> parse(List<String> lines, Path path) {
		Map<String, byte[]> keys = new LinkedHashMap<>();
		for (String line : lines) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			int colon = trimmed.indexOf(':');
			byte[] secret = (colon > 0) ? Base64.getDecoder().decode(trimmed.substring(colon + 1)) : new byte[0];
			if (secret.length < 16 || trimmed.substring(0, colon).contains("$")) {
				throw new IllegalStateException("PIN keys file " + path + ": every line must be id:base64 of at least "
						+ "16 bytes, the id without '$'");
			}
			keys.put(trimmed.substring(0, colon), secret);
		}
		if (keys.isEmpty()) {
			throw new IllegalStateException("PIN keys file " + path + " has no key");
		}
		return keys;
	}

}
