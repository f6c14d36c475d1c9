package org.sportello.exchange;

import java.net.URI;
import java.security.PublicKey;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.sportello.cases.FreeText;
import org.sportello.directory.Directory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The peers administrators configure: address, keys, administrations served, enabled.
 * Every check names the field it refuses ({@link InvalidPeerException}).
 */
@Service
public class Peers {

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

	private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

	private final PeerMapper mapper;

	private final Directory directory;

	private final Clock clock;

	Peers(PeerMapper mapper, Directory directory, Clock clock) {
		this.mapper = mapper;
		this.directory = directory;
		this.clock = clock;
	}

	/** What an administrator writes to add or change a peer. */
	public record PeerForm(String id, String name, String baseUrl, String keyId, String publicKey, String nextKeyId,
			String nextPublicKey, boolean enabled, List<String> administrations) {
	}

	public List<Peer> all() {
		return this.mapper.all().stream().map(this::withAdministrations).toList();
	}

	public Optional<Peer> byId(String id) {
		return this.mapper.byId(id).map(this::withAdministrations);
	}

	/** The enabled peer that serves the administration, if any. */
	public Optional<Peer> serving(String administrationCode) {
		return this.mapper.servingPeer(administrationCode).flatMap(this::byId);
	}

	/** The peer whose current or next key has this id, with that key. */
	Optional<PeerKey> byKeyId(String keyId) {
		return this.mapper.byKeyId(keyId).stream().findFirst().flatMap((row) -> {
			String text = keyId.equals(row.keyId()) ? row.publicKey() : row.nextPublicKey();
			return ExchangeKeys.publicKey(text).map((key) -> new PeerKey(withAdministrations(row), key));
		});
	}

	record PeerKey(Peer peer, PublicKey key) {
	}

	/** Adds or replaces the peer; an administration it serves leaves any other peer. */
	@Transactional
	public Peer save(PeerForm form, String actor) {
		String id = required("id", form.id());
		if (!ID.matcher(id).matches()) {
			throw new InvalidPeerException("id", "invalid-id");
		}
		String name = FreeText.normalizeToNull(form.name());
		if (name == null || !FreeText.fits(name, 1, 200)) {
			throw new InvalidPeerException("name", "invalid-name");
		}
		String baseUrl = required("baseUrl", form.baseUrl());
		if (!isHttpUrl(baseUrl)) {
			throw new InvalidPeerException("baseUrl", "invalid-url");
		}
		String keyId = required("keyId", form.keyId());
		if (!KEY_ID.matcher(keyId).matches()) {
			throw new InvalidPeerException("keyId", "invalid-key-id");
		}
		String publicKey = required("publicKey", form.publicKey());
		if (ExchangeKeys.publicKey(publicKey).isEmpty()) {
			throw new InvalidPeerException("publicKey", "invalid-key");
		}
		String nextKeyId = FreeText.normalizeToNull(form.nextKeyId());
		String nextPublicKey = FreeText.normalizeToNull(form.nextPublicKey());
		if ((nextKeyId == null) != (nextPublicKey == null)) {
			throw new InvalidPeerException((nextKeyId == null) ? "nextKeyId" : "nextPublicKey", "required");
		}
		if (nextKeyId != null && (!KEY_ID.matcher(nextKeyId).matches() || nextKeyId.equals(keyId))) {
			throw new InvalidPeerException("nextKeyId", "invalid-key-id");
		}
		if (nextPublicKey != null && ExchangeKeys.publicKey(nextPublicKey).isEmpty()) {
			throw new InvalidPeerException("nextPublicKey", "invalid-key");
		}
		for (String key : (nextKeyId == null) ? List.of(keyId) : List.of(keyId, nextKeyId)) {
			if (this.mapper.byKeyId(key).stream().anyMatch((other) -> !other.id().equals(id))) {
				throw new InvalidPeerException(key.equals(keyId) ? "keyId" : "nextKeyId", "key-id-taken");
			}
		}
		List<String> administrations = (form.administrations() == null) ? List.of()
				: form.administrations().stream().distinct().toList();
		for (int i = 0; i < administrations.size(); i++) {
			if (administrations.get(i) == null || this.directory.administration(administrations.get(i)).isEmpty()) {
				throw new InvalidPeerException("administrations[" + i + "]", "unknown-administration");
			}
		}
		PeerMapper.PeerRow row = new PeerMapper.PeerRow(id, name, baseUrl.replaceAll("/+$", ""), keyId,
				publicKey.strip(), nextKeyId, (nextPublicKey == null) ? null : nextPublicKey.strip(), form.enabled(),
				this.clock.instant(), actor);
		if (this.mapper.update(row) == 0) {
			this.mapper.insert(row);
		}
		this.mapper.clearAdministrations(id);
		for (String administration : administrations) {
			this.mapper.releaseAdministration(administration);
			this.mapper.serve(id, administration);
		}
		return byId(id).orElseThrow();
	}

	private Peer withAdministrations(PeerMapper.PeerRow row) {
		return new Peer(row.id(), row.name(), row.baseUrl(), row.keyId(), row.publicKey(), row.nextKeyId(),
				row.nextPublicKey(), row.enabled(), this.mapper.administrations(row.id()), row.updatedAt(),
				row.updatedBy());
	}

	private static boolean isHttpUrl(String text) {
		try {
			URI uri = URI.create(text);
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
					&& uri.getQuery() == null && uri.getFragment() == null && text.length() <= 500;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static String required(String field, String value) {
		String text = FreeText.normalizeToNull(value);
		if (text == null) {
			throw new InvalidPeerException(field, "required");
		}
		return text;
	}

}
