package org.sportello.exchange;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP Message Signatures (RFC 9421) with Ed25519, and the {@code Content-Digest} header
 * (RFC 9530) that lets a signature cover the body. Only what the exchange needs: one
 * signature per message, covered components from the derived {@code @method},
 * {@code @path}, {@code @authority}, {@code @target-uri} and plain header fields, the
 * parameters {@code created}, {@code keyid}, {@code alg} and {@code nonce}.
 */
public final class HttpSignatures {

	/** What every exchange message signs: the request line, its body, its type. */
	public static final List<String> COVERED = List.of("@method", "@path", "content-digest", "content-type");

	static final String LABEL = "sig1";

	private static final Pattern MEMBER = Pattern.compile("^\\s*([a-z*][a-z0-9_.*-]*)=\\((.*?)\\)(.*)$");

	private static final Pattern ITEM = Pattern.compile("\"([^\"\\\\]*)\"");

	private static final Pattern PARAM = Pattern
		.compile(";\\s*([a-z*][a-z0-9_.*-]*)=(\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9]+)");

	private static final Pattern SIGNATURE = Pattern.compile("^\\s*([a-z*][a-z0-9_.*-]*)=:([A-Za-z0-9+/=]*):\\s*$");

	private HttpSignatures() {
	}

	/** The parameters of a signature: which components, when, by which key. */
	public record Params(List<String> components, Long created, String keyId, String alg, String nonce) {

		/** The {@code @signature-params} value, as {@code Signature-Input} carries it. */
		public String serialize() {
			StringBuilder out = new StringBuilder("(");
			for (int i = 0; i < this.components.size(); i++) {
				out.append((i > 0) ? " " : "").append('"').append(this.components.get(i)).append('"');
			}
			out.append(')');
			if (this.created != null) {
				out.append(";created=").append(this.created);
			}
			if (this.keyId != null) {
				out.append(";keyid=\"").append(this.keyId).append('"');
			}
			if (this.alg != null) {
				out.append(";alg=\"").append(this.alg).append('"');
			}
			if (this.nonce != null) {
				out.append(";nonce=\"").append(this.nonce).append('"');
			}
			return out.toString();
		}

	}

	/** A request as a signature sees it: method, target and header fields by name. */
	public record Request(String method, String targetUri, Function<String, String> header) {

		String component(String name) {
			java.net.URI uri = java.net.URI.create(this.targetUri);
			return switch (name) {
				case "@method" -> this.method.toUpperCase(Locale.ROOT);
				case "@path" -> (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
				case "@authority" -> uri.getRawAuthority().toLowerCase(Locale.ROOT);
				case "@target-uri" -> this.targetUri;
				default -> {
					if (name.startsWith("@")) {
						throw new SignatureException("component " + name + " is not supported");
					}
					String value = this.header.apply(name);
					if (value == null) {
						throw new SignatureException("the signed header " + name + " is missing");
					}
					yield value.strip();
				}
			};
		}

	}

	/** A signature that cannot be checked or does not verify. */
	public static class SignatureException extends RuntimeException {

		public SignatureException(String message) {
			super(message);
		}

	}

	/** The signature base of RFC 9421 section 2.5. */
	public static String signatureBase(Request request, Params params) {
		StringBuilder base = new StringBuilder();
		for (String component : params.components()) {
			base.append('"').append(component).append("\": ").append(request.component(component)).append('\n');
		}
		return base.append("\"@signature-params\": ").append(params.serialize()).toString();
	}

	/**
	 * Signs the request: the values of {@code Signature-Input} and {@code Signature}, in
	 * this order.
	 */
	public static String[] sign(Request request, Params params, PrivateKey key) {
		byte[] signature = ed25519Sign(key, signatureBase(request, params).getBytes(StandardCharsets.UTF_8));
		return new String[] { LABEL + "=" + params.serialize(),
				LABEL + "=:" + Base64.getEncoder().encodeToString(signature) + ":" };
	}

	/**
	 * The parameters of the first signature of {@code Signature-Input}, with its
	 * signature bytes from {@code Signature}.
	 */
	public static Map.Entry<Params, byte[]> parse(String signatureInput, String signature) {
		if (signatureInput == null || signature == null) {
			throw new SignatureException("Signature-Input and Signature are required");
		}
		Matcher input = MEMBER.matcher(firstMember(signatureInput));
		if (!input.matches()) {
			throw new SignatureException("Signature-Input cannot be read");
		}
		String label = input.group(1);
		List<String> components = new ArrayList<>();
		Matcher item = ITEM.matcher(input.group(2));
		while (item.find()) {
			components.add(item.group(1));
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		Matcher param = PARAM.matcher(input.group(3));
		int end = 0;
		while (param.find()) {
			String value = param.group(2);
			parameters.put(param.group(1), value.startsWith("\"") ? value.substring(1, value.length() - 1) : value);
			end = param.end();
		}
		if (!input.group(3).substring(end).isBlank()) {
			throw new SignatureException("Signature-Input cannot be read");
		}
		byte[] bytes = null;
		for (String member : signature.split(",")) {
			Matcher sig = SIGNATURE.matcher(member);
			if (sig.matches() && sig.group(1).equals(label)) {
				bytes = Base64.getDecoder().decode(sig.group(2));
			}
		}
		if (bytes == null) {
			throw new SignatureException("no signature labelled " + label);
		}
		Long created;
		try {
			created = parameters.containsKey("created") ? Long.valueOf(parameters.get("created")) : null;
		}
		catch (NumberFormatException ex) {
			throw new SignatureException("created is not a number");
		}
		return Map.entry(new Params(List.copyOf(components), created, parameters.get("keyid"), parameters.get("alg"),
				parameters.get("nonce")), bytes);
	}

	/** Whether the signature verifies with the key; never throws for a bad signature. */
	public static boolean verify(Request request, Params params, byte[] signature, PublicKey key) {
		try {
			Signature verifier = Signature.getInstance("Ed25519");
			verifier.initVerify(key);
			verifier.update(signatureBase(request, params).getBytes(StandardCharsets.UTF_8));
			return verifier.verify(signature);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	/** {@code sha-256=:<base64>:}, the Content-Digest of RFC 9530. */
	public static String contentDigest(byte[] body) {
		return "sha-256=:" + Base64.getEncoder().encodeToString(sha256(body)) + ":";
	}

	/** Whether the header's sha-256 member is the digest of the body. */
	public static boolean digestMatches(String header, byte[] body) {
		return Optional.ofNullable(header)
			.map((value) -> java.util.Arrays.stream(value.split(","))
				.map(String::strip)
				.filter((member) -> member.startsWith("sha-256=:") && member.endsWith(":"))
				.map((member) -> member.substring("sha-256=:".length(), member.length() - 1))
				.anyMatch((digest) -> MessageDigest.isEqual(decodeOrEmpty(digest), sha256(body))))
			.orElse(false);
	}

	static byte[] ed25519Sign(PrivateKey key, byte[] data) {
		try {
			Signature signer = Signature.getInstance("Ed25519");
			signer.initSign(key);
			signer.update(data);
			return signer.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot sign with Ed25519", ex);
		}
	}

	private static String firstMember(String header) {
		// a comma inside a quoted parameter never occurs in what we accept: keys and
		// nonces are tokens
		int comma = header.indexOf(',');
		return (comma < 0) ? header : header.substring(0, comma);
	}

	private static byte[] decodeOrEmpty(String base64) {
		try {
			return Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			return new byte[0];
		}
	}

	private static byte[] sha256(byte[] body) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(body);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
