package org.sportello.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
import java.util.function.Consumer;
import java.util.function.Supplier;

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

	/** Twilio's dates (RFC 2822), as its SDK parses them. */
	private static final DateTimeFormatter TWILIO_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z",
			java.util.Locale.US);

	private static FakeTwilio shared;

	static {
		// answer in one packet, as Twilio's servers do: the JDK's server writes the
		// headers and the body separately, and without TCP_NODELAY the body waits for
		// the client's delayed ACK (about 40 ms on Linux) on every request. Read once,
		// when the JDK's first HTTP server starts; the fake is the only one in the
		// tests
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	private final HttpServer server;

	private final List<Map<String, String>> accepted = Collections.synchronizedList(new ArrayList<>());

	private final List<String> violations = Collections.synchronizedList(new ArrayList<>());

	private final Map<String, Deque<int[]>> scripted = new java.util.concurrent.ConcurrentHashMap<>();

	private volatile long delayMillis;

	private volatile Supplier<Instant> now = Instant::now;

	private volatile Consumer<Map<String, String>> onAccepted = (message) -> {
	};

	private FakeTwilio(int port) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
		this.server.setExecutor(Executors.newFixedThreadPool(128));
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/**
	 * For {@code bench/cluster.sh}: the fake on a port, answering after a delay, writing
	 * each accepted message (To, tab, Body) as a line to a file. Run from the test
	 * classes:
	 * {@code java -cp app/target/test-classes org.sportello.support.FakeTwilio 8199 50 sms.log}.
	 */
	public static void main(String[] args) throws IOException {
		FakeTwilio twilio = new FakeTwilio(Integer.parseInt(args[0]));
		twilio.delay(Long.parseLong(args[1]));
		java.io.PrintWriter log = new java.io.PrintWriter(
				java.nio.file.Files.newBufferedWriter(java.nio.file.Path.of(args[2]), StandardCharsets.UTF_8), true);
		twilio.onAccepted = (message) -> {
			synchronized (log) {
				log.println(message.get("To") + "\t" + message.get("Body").replace('\n', ' '));
			}
		};
		System.out.println("fake Twilio on " + twilio.baseUrl() + ", account " + ACCOUNT_SID);
	}

	public static synchronized FakeTwilio shared() {
		if (shared == null) {
			try {
				shared = new FakeTwilio(0);
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

	/**
	 * The time Twilio stamps on messages ({@code date_created}); the wall clock unless
	 * set.
	 */
	public void clock(Supplier<Instant> now) {
		this.now = now;
	}

	public void reset() {
		this.accepted.clear();
		this.violations.clear();
		this.scripted.clear();
		this.delayMillis = 0;
		this.now = Instant::now;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (this.delayMillis > 0) {
				Thread.sleep(this.delayMillis);
			}
			String path = exchange.getRequestURI().getPath();
			String expectedPath = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
			boolean list = "GET".equals(exchange.getRequestMethod());
			if (!(list || "POST".equals(exchange.getRequestMethod())) || !expectedPath.equals(path)) {
				violation(exchange, 404, 20404, exchange.getRequestMethod() + " " + path);
				return;
			}
			String expectedAuth = "Basic " + Base64.getEncoder()
				.encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
			if (!expectedAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
				violation(exchange, 401, 20003, "bad credentials");
				return;
			}
			if (list) {
				list(exchange, expectedPath);
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
			form.put("Sid", "SM" + UUID.randomUUID().toString().replace("-", ""));
			form.put("DateCreated", TWILIO_DATE.format(this.now.get().atOffset(ZoneOffset.UTC)));
			this.accepted.add(form);
			this.onAccepted.accept(form);
			respond(exchange, 201, messageJson(form));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Twilio's list of messages, newest first, filtered by {@code To}, one page of
	 * {@code PageSize} (default 50).
	 */
	private void list(HttpExchange exchange, String path) throws IOException {
		Map<String, String> query = form(new java.io.ByteArrayInputStream(
				String.valueOf(exchange.getRequestURI().getRawQuery()).getBytes(StandardCharsets.UTF_8)));
		int pageSize = Integer.parseInt(query.getOrDefault("PageSize", "50"));
		List<Map<String, String>> found = new ArrayList<>(accepted().stream()
			.filter((message) -> !query.containsKey("To") || query.get("To").equals(message.get("To")))
			.toList());
		Collections.reverse(found);
		StringBuilder messages = new StringBuilder();
		for (Map<String, String> message : found.subList(0, Math.min(pageSize, found.size()))) {
			messages.append((messages.length() > 0) ? "," : "").append(messageJson(message));
		}
		String uri = path + "?PageSize=" + pageSize + "&Page=0";
		respond(exchange, 200,
				"{\"messages\":[" + messages + "],\"page\":0,\"page_size\":" + pageSize + ",\"start\":0,\"uri\":\""
						+ uri + "\",\"first_page_uri\":\"" + uri
						+ "\",\"next_page_uri\":null,\"previous_page_uri\":null}");
	}

	private static String messageJson(Map<String, String> message) {
		return "{\"sid\":\"" + message.get("Sid") + "\",\"account_sid\":\"" + ACCOUNT_SID
				+ "\",\"status\":\"queued\",\"to\":\"" + json(message.get("To")) + "\",\"body\":\""
				+ json(message.get("Body")) + "\",\"date_created\":\"" + message.get("DateCreated")
				+ "\",\"num_segments\":\"1\",\"direction\":\"outbound-api\"}";
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
