package org.sportello.exchange;

import java.time.Instant;
import java.util.List;

/**
 * Another installation this one exchanges cases with.
 *
 * @param baseUrl where its exchange API lives
 * ({@code <baseUrl>/api/exchange/v1/messages})
 * @param keyId the id of the key it signs with, {@code publicKey} its Ed25519 public key
 * (base64 X.509)
 * @param nextKeyId a second key, valid at the same time, for rotation without downtime
 * @param administrations the administrations it serves: cases routed to them go to it
 */
public record Peer(String id, String name, String baseUrl, String keyId, String publicKey, String nextKeyId,
		String nextPublicKey, boolean enabled, List<String> administrations, Instant updatedAt, String updatedBy) {

	public Peer {
		administrations = (administrations == null) ? List.of() : List.copyOf(administrations);
	}

	/** Where its messages are posted. */
	public String messagesUrl() {
		return this.baseUrl.replaceAll("/+$", "") + ExchangeApi.MESSAGES;
	}

}
