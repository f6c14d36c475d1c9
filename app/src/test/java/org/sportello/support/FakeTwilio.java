package org.sportello.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A fake Twilio REST API on a local port, for the real Twilio SDK: it accepts only what
 * Twilio's Messages API accepts ({@code POST /2010-04-01/Accounts/{sid}/Messages.json}
 * with HTTP Basic of the account, form fields To, From or MessagingServiceSid, Body,
 * StatusCallback), answers like Twilio, and records every accepted message. Tests script
 * failures (a 503, a 400 with Twilio's error code) and a response delay. One server per
 * JVM; every test application points at it.
 */
public final class FakeTwilio {

	public static final String ACCOUNT_SID = "AC00000000000000000000000000000001";

	public static final String AUTH_TOKEN = "fake-auth-token-for-tests";

	public static final String FROM = "+15005550006";

	private static FakeTwilio shared;

	private final HttpServer server;

	private final List<Map<String, String>> accepted = Collections.synchronizedList(new ArrayList<>());

	private final List<String> violations = Collections.synchronizedList(new ArrayList<>());

	private final Map<String, Deque<int[]>> scripted = new java.util.concurrent.ConcurrentHashMap<>();

	private volatile long delayMillis;

	private FakeTwilio() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
		this.server.setExecutor(Executors.newFixedThreadPool(128));
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	public static synchronized FakeTwilio shared() {
		if (shared == null) {
			try {
				shared = new FakeTwilio();
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot start the fake Twilio server", ex);
			}
		}
		return shared;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * The next request to this number fails with this HTTP status and Twilio error code
	 * (several calls: in order).
	 */
	public void failNext(String to, int httpStatus, int twilioCode) {
		this.scripted.computeIfAbsent(to, (key) -> new ConcurrentLinkedDeque<>())
			.addLast(new int[] { httpStatus, twilioCode });
	}

	public void delay(long millis) {
		this.delayMillis = millis;
	}

	/** Accepted messages (form fields), oldest first. */
	public List<Map<String, String>> accepted() {
		synchronized (this.accepted) {
			return List.copyOf(this.accepted);
		}
	}

	public List<Map<String, String>> acceptedTo(String number) {
		return accepted().stream().filter((message) -> number.equals(message.get("To"))).toList();
	}

	/** Requests Twilio would have refused as malformed; tests expect none. */
	public List<String> violations() {
		synchronized (this.violations) {
			return List.copyOf(this.violations);
		}
	}

	public void reset() {
		this.accepted.clear();
		this.violations.clear();
		this.scripted.clear();
		this.delayMillis = 0;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (this.delayMillis > 0) {
				Thread.sleep(this.delayMillis);
			}
			String path = exchange.getRequestURI().getPath();
			String expectedPath = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
			if (!"POST".equals(exchange.getRequestMethod()) || !expectedPath.equals(path)) {
				violation(exchange, 404, 20404, exchange.getRequestMethod() + " " + path);
				return;
			}
			String expectedAuth = "Basic " + Base64.getEncoder()
				.encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
			if (!expectedAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
				violation(exchange, 401, 20003, "bad credentials");
				return;
			}
			Map<String, String> form = form(exchange.getRequestBody());
			if (form.get("To") == null || form.get("Body") == null
					|| (form.get("From") == null && form.get("MessagingServiceSid") == null)
					|| form.get("StatusCallback") == null) {
				violation(exchange, 400, 21604, "missing fields " + form.keySet());
				return;
			}
			Deque<int[]> failures = this.scripted.get(form.get("To"));
			int[] failure = (failures != null) ? failures.pollFirst() : null;
			if (failure != null) {
				respond(exchange, failure[0], error(failure[0], failure[1], "scripted failure"));
				return;
			}
			String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
			form.put("Sid", sid);
			this.accepted.add(form);
			respond(exchange, 201,
					"{\"sid\":\"" + sid + "\",\"account_sid\":\"" + ACCOUNT_SID + "\",\"status\":\"queued\",\"to\":\""
							+ json(form.get("To")) + "\",\"body\":\"" + json(form.get("Body"))
							+ "\",\"num_segments\":\"1\",\"direction\":\"outbound-api\"}");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void violation(HttpExchange exchange, int status, int code, String what) throws IOException {
		this.violations.add(what);
		respond(exchange, status, error(status, code, what));
	}

	private static String error(int status, int code, String message) {
		return "{\"code\":" + code + ",\"message\":\"" + json(message) + "\",\"more_info\":"
				+ "\"https://www.twilio.com/docs/errors/" + code + "\",\"status\":" + status + "}";
	}

	private static void respond(HttpExchange exchange, int status, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
	}

	private static Map<String, String> form(InputStream in) throws IOException {
		Map<String, String> form = new HashMap<>();
		String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		for (String pair : body.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String name = URLDecoder.decode((eq < 0) ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String value = (eq < 0) ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			form.put(name, value);
		}
		return form;
	}

	private static String json(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
	}

}
