package org.sportello.exchange;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * HTTP Message Signatures checked against RFC 9421's own example (appendix B.2.6, the
 * request signed with test-key-ed25519 of B.1.4) and Content-Digest against RFC 9530's.
 */
class HttpSignaturesTests {

	/** RFC 9421 B.1.4. */
	static final String RFC_PUBLIC_KEY = "MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=";

	static final String RFC_PRIVATE_KEY = "MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF";

	/** RFC 9421 B.2.6, the lines joined as RFC 8792 says. */
	static final String SIGNATURE_INPUT = "sig-b26=(\"date\" \"@method\" \"@path\" \"@authority\" "
			+ "\"content-type\" \"content-length\");created=1618884473;keyid=\"test-key-ed25519\"";

	static final String SIGNATURE = "sig-b26=:wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1"
			+ "u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==:";

	/** The test-request of RFC 9421 B.2, as its signature sees it. */
	static final HttpSignatures.Request RFC_REQUEST = new HttpSignatures.Request("POST",
			"https://example.com/foo?param=Value&Pet=dog",
			(name) -> Map
				.of("date", "Tue, 20 Apr 2021 02:07:55 GMT", "content-type", "application/json", "content-length", "18")
				.get(name));

	@Test
	void theSpecificationsEd25519ExampleVerifiesAndSignsTheSame() throws Exception {
		PublicKey key = ExchangeKeys.publicKey(RFC_PUBLIC_KEY).orElseThrow();
		Map.Entry<HttpSignatures.Params, byte[]> parsed = HttpSignatures.parse(SIGNATURE_INPUT, SIGNATURE);

		assertThat(parsed.getKey().keyId()).isEqualTo("test-key-ed25519");
		assertThat(parsed.getKey().created()).isEqualTo(1618884473L);
		assertThat(HttpSignatures.signatureBase(RFC_REQUEST, parsed.getKey())).isEqualTo("""
				"date": Tue, 20 Apr 2021 02:07:55 GMT
				"@method": POST
				"@path": /foo
				"@authority": example.com
				"content-type": application/json
				"content-length": 18
				"@signature-params": ("date" "@method" "@path" "@authority" "content-type" "content-length");\
				created=1618884473;keyid="test-key-ed25519\"""");
		assertThat(HttpSignatures.verify(RFC_REQUEST, parsed.getKey(), parsed.getValue(), key)).isTrue();

		// Ed25519 is deterministic: signing the same base gives the RFC's bytes
		PrivateKey secret = KeyFactory.getInstance("Ed25519")
			.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(RFC_PRIVATE_KEY)));
		String[] signed = HttpSignatures.sign(RFC_REQUEST, parsed.getKey(), secret);
		assertThat(signed[1]).isEqualTo("sig1=" + SIGNATURE.substring("sig-b26=".length()));
	}

	@Test
	void anyChangeToWhatIsSignedBreaksTheSignature() {
		PublicKey key = ExchangeKeys.publicKey(RFC_PUBLIC_KEY).orElseThrow();
		Map.Entry<HttpSignatures.Params, byte[]> parsed = HttpSignatures.parse(SIGNATURE_INPUT, SIGNATURE);
		HttpSignatures.Request otherPath = new HttpSignatures.Request("POST", "https://example.com/bar",
				RFC_REQUEST.header());
		HttpSignatures.Params later = new HttpSignatures.Params(parsed.getKey().components(), 1618884474L,
				"test-key-ed25519", null, null);

		assertThat(HttpSignatures.verify(otherPath, parsed.getKey(), parsed.getValue(), key)).isFalse();
		assertThat(HttpSignatures.verify(RFC_REQUEST, later, parsed.getValue(), key)).isFalse();
		byte[] flipped = parsed.getValue().clone();
		flipped[0] ^= 1;
		assertThat(HttpSignatures.verify(RFC_REQUEST, parsed.getKey(), flipped, key)).isFalse();
		PublicKey other = ExchangeKeys.publicKey(ExchangeKeys.newKeyLine("x").split(":")[2]).orElseThrow();
		assertThat(HttpSignatures.verify(RFC_REQUEST, parsed.getKey(), parsed.getValue(), other)).isFalse();
	}

	@Test
	void ourOwnSignaturesRoundTripWithNonceAndAlgorithm() throws Exception {
		String[] line = ExchangeKeys.newKeyLine("peer-k1").split(":");
		PrivateKey secret = KeyFactory.getInstance("Ed25519")
			.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(line[1])));
		byte[] body = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);
		String digest = HttpSignatures.contentDigest(body);
		HttpSignatures.Request request = new HttpSignatures.Request("POST",
				"http://127.0.0.1:8080/api/exchange/v1/messages",
				(name) -> Map.of("content-digest", digest, "content-type", "application/json").get(name));
		HttpSignatures.Params params = new HttpSignatures.Params(HttpSignatures.COVERED, 1765000000L, "peer-k1",
				"ed25519", "n-1");

		String[] headers = HttpSignatures.sign(request, params, secret);
		Map.Entry<HttpSignatures.Params, byte[]> parsed = HttpSignatures.parse(headers[0], headers[1]);

		assertThat(parsed.getKey()).isEqualTo(params);
		assertThat(HttpSignatures.verify(request, parsed.getKey(), parsed.getValue(),
				ExchangeKeys.publicKey(line[2]).orElseThrow()))
			.isTrue();
		assertThat(HttpSignatures.digestMatches(digest, body)).isTrue();
		assertThat(HttpSignatures.digestMatches(digest, "{\"id\":\"2\"}".getBytes(StandardCharsets.UTF_8))).isFalse();
	}

	@Test
	void contentDigestIsRfc9530s() {
		// RFC 9530 section 2: {"hello": "world"} with a newline
		assertThat(HttpSignatures.contentDigest("{\"hello\": \"world\"}\n".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("sha-256=:RK/0qy18MlBSVnWgjwz6lZEWjP/lF5HF9bvEF8FabDg=:");
		assertThat(HttpSignatures.digestMatches(null, new byte[0])).isFalse();
		assertThat(HttpSignatures.digestMatches("sha-256=:not base64!:", new byte[0])).isFalse();
	}

	@Test
	void unreadableHeadersAreRefusedWithAReason() {
		assertThatThrownBy(() -> HttpSignatures.parse(null, SIGNATURE))
			.isInstanceOf(HttpSignatures.SignatureException.class);
		assertThatThrownBy(() -> HttpSignatures.parse("sig1=nonsense", SIGNATURE))
			.isInstanceOf(HttpSignatures.SignatureException.class);
		assertThatThrownBy(() -> HttpSignatures.parse(SIGNATURE_INPUT, "other=:AAAA:"))
			.isInstanceOf(HttpSignatures.SignatureException.class)
			.hasMessageContaining("sig-b26");
		assertThat(List.of(HttpSignatures.COVERED)).isNotEmpty();
	}

}
