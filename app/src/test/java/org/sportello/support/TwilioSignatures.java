package org.sportello.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts webhooks as Twilio does: form-encoded, signed with {@code X-Twilio-Signature}
 * (HMAC-SHA1 of the public URL followed by the sorted parameters, with the auth token).
 */
public final class TwilioSignatures {

	private final int port;

	private final HttpClient http = HttpClient.newHttpClient();

	public TwilioSignatures(int port) {
		this.port = port;
	}

	public static String sign(String url, Map<String, String> params, String token) {
		StringBuilder data = new StringBuilder(url);
		new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Posts a correctly signed webhook. */
	public HttpResponse<String> post(String path, Map<String, String> params) {
		return post(path, params, sign(FakeTwilioInitializer.PUBLIC_URL + path, params, FakeTwilio.AUTH_TOKEN));
	}

	/** Posts with the given signature ({@code null}: none). */
	public HttpResponse<String> post(String path, Map<String, String> params, String signature) {
		String body = params.entrySet()
			.stream()
			.map((entry) -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (signature != null) {
			request.header("X-Twilio-Signature", signature);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
