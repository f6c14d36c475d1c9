package org.sportello.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.sportello.cases.FreeText;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The civic apps allowed to file requests: each has an {@code api_key}, shown once when
 * an administrator creates it and kept as its SHA-256; a disabled key files nothing.
 */
@Service
public class Open311Clients {

	/** A client application (its key is never kept). */
	public record Client(String id, String name, boolean enabled, Instant createdAt, String createdBy) {
	}

	/** A new client with its key, to hand to the app's makers once. */
	public record NewClient(Client client, String apiKey) {
	}

	private final ClientMapper mapper;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	Open311Clients(ClientMapper mapper, Clock clock) {
		this.mapper = mapper;
		this.clock = clock;
	}

	public List<Client> all() {
		return this.mapper.all();
	}

	/** Creates a client; the answer carries its key, which nobody can read again. */
	@Transactional
	public NewClient create(String name, String actor) {
		String text = FreeText.normalizeToNull(name);
		if (text == null || !FreeText.fits(text, 1, 200)) {
			throw new IllegalArgumentException("name");
		}
		byte[] bytes = new byte[24];
		this.random.nextBytes(bytes);
		String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		String id = UUID.randomUUID().toString();
		this.mapper.insert(id, text, hash(key), this.clock.instant(), actor);
		return new NewClient(new Client(id, text, true, this.clock.instant(), actor), key);
	}

	@Transactional
	public boolean setEnabled(String id, boolean enabled) {
		return this.mapper.enable(id, enabled) == 1;
	}

	/** The enabled client with this key. */
	Optional<Client> byKey(String apiKey) {
		if (apiKey == null || apiKey.isBlank() || apiKey.length() > 100) {
			return Optional.empty();
		}
		return this.mapper.byKeyHash(hash(apiKey.strip())).filter(Client::enabled);
	}

	private static String hash(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
