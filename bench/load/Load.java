import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed-loop load of N client threads (issue #19): each thread sends a request, waits for the
 * answer, sends the next. A warm-up, then the measured period; prints requests per second and
 * latency percentiles of the measured period, per kind of request, and how many answers were not
 * 2xx.
 *
 * Kinds: {@code sportello} opens cases ({@code POST /api/cases} as fo1); {@code peer} starts the
 * plain Camunda peer's process; {@code mix} is what a network sees at a peak: half the requests
 * open a case, three in ten are citizens following a case opened earlier in the run
 * ({@code POST /api/public/track} with its code and PIN), two in ten are officials paging their
 * inbox ({@code GET /api/inbox}, one of the first five pages).
 *
 * Usage: java Load.java sportello|peer|mix <base url> [threads] [warm-up s] [duration s] [codes file]
 * With a codes file, the tracking code of every case opened (201) is appended to it, one per line.
 * Run with the JDK's source launcher: no build.
 */
public class Load {

	static final String[] SPORTELLO_TOPICS = { "HOUSING_ASSISTANCE", "RECONSTRUCTION_GRANT", "CIVIL_REGISTRY_CERTIFICATE",
			"LOCAL_TAX", "PENSION", "HEALTH_BOOKING", "INCOME_SUPPORT", "GAS_CONNECTION", "SCHOOL_BUILDINGS", "OTHER" };

	static final String[] MUNICIPALITIES = { "L'Aquila", "Paganica", "Onna", "Pescara" };

	static final Pattern CODE = Pattern.compile("\"trackingCode\":\"([^\"]+)\"");

	static final Pattern PIN = Pattern.compile("\"pin\":\"([^\"]+)\"");

	/** Cases this run opened, as code and PIN, for the citizens' tracking requests. */
	static final List<String[]> opened = new CopyOnWriteArrayList<>();

	public static void main(String[] args) throws Exception {
		String kind = args[0];
		String base = args[1];
		int threads = (args.length > 2) ? Integer.parseInt(args[2]) : 4;
		int warmup = (args.length > 3) ? Integer.parseInt(args[3]) : 10;
		int duration = (args.length > 4) ? Integer.parseInt(args[4]) : 60;
		java.io.PrintWriter codes = (args.length > 5)
				? new java.io.PrintWriter(new java.io.FileWriter(args[5], StandardCharsets.UTF_8, true), true) : null;
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		long start = System.nanoTime();
		long measureFrom = start + warmup * 1_000_000_000L;
		long end = measureFrom + duration * 1_000_000_000L;
		List<Map<String, List<Long>>> perThread = new ArrayList<>();
		AtomicLong failures = new AtomicLong();
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Map<String, List<Long>> latencies = new TreeMap<>();
			perThread.add(latencies);
			Thread worker = new Thread(() -> {
				while (true) {
					long sent = System.nanoTime();
					if (sent >= end) {
						break;
					}
					String label = label(kind);
					HttpRequest request = request(label, base);
					int status;
					String body = "";
					try {
						HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
						status = response.statusCode();
						body = response.body();
					}
					catch (Exception ex) {
						status = -1;
						body = ex.toString();
					}
					long took = System.nanoTime() - sent;
					if (status == 201 && !label.equals("peer")) {
						Matcher code = CODE.matcher(body);
						Matcher pin = PIN.matcher(body);
						if (code.find()) {
							if (pin.find()) {
								opened.add(new String[] { code.group(1), pin.group(1) });
							}
							if (codes != null) {
								synchronized (codes) {
									codes.println(code.group(1));
								}
							}
						}
					}
					if (sent >= measureFrom) {
						latencies.computeIfAbsent(label, (key) -> new ArrayList<>())
							.add((status / 100 == 2) ? took : -took);
					}
					if (status / 100 != 2 && failures.incrementAndGet() == 1) {
						System.err.println("first failure (" + label + "): " + status + " "
								+ body.substring(0, Math.min(400, body.length())));
					}
				}
			});
			workers.add(worker);
			worker.start();
		}
		for (Thread worker : workers) {
			worker.join();
		}
		if (codes != null) {
			codes.close();
		}
		Map<String, List<Long>> merged = new TreeMap<>();
		perThread.forEach((latencies) -> latencies
			.forEach((label, values) -> merged.computeIfAbsent(label, (key) -> new ArrayList<>()).addAll(values)));
		for (Map.Entry<String, List<Long>> entry : merged.entrySet()) {
			long[] sorted = entry.getValue().stream().filter((took) -> took > 0).mapToLong(Long::longValue).sorted().toArray();
			long bad = entry.getValue().stream().filter((took) -> took < 0).count();
			System.out.printf("%s: %d threads, %d s: %.1f requests/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %d not 2xx%n",
					entry.getKey(), threads, duration, sorted.length / (double) duration, percentile(sorted, 50),
					percentile(sorted, 95), percentile(sorted, 99), bad);
		}
	}

	static double percentile(long[] sorted, int p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1_000_000.0;
	}

	/** What this request is: for "mix", drawn at random (open 5, track 3, inbox 2 in ten). */
	static String label(String kind) {
		if (!kind.equals("mix")) {
			return kind;
		}
		int draw = ThreadLocalRandom.current().nextInt(10);
		if (draw < 5 || opened.isEmpty()) {
			return "sportello";
		}
		return (draw < 8) ? "track" : "inbox";
	}

	static HttpRequest request(String label, String base) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String municipality = MUNICIPALITIES[random.nextInt(MUNICIPALITIES.length)];
		String topic = SPORTELLO_TOPICS[random.nextInt(SPORTELLO_TOPICS.length)];
		String basic = "Basic " + Base64.getEncoder().encodeToString("fo1:demo".getBytes(StandardCharsets.UTF_8));
		switch (label) {
			case "peer" -> {
				String body = """
						{"variables": {"topic": {"value": "%s", "type": "String"},
						 "municipality": {"value": "%s", "type": "String"},
						 "channel": {"value": "PHONE", "type": "String"},
						 "urgent": {"value": %s, "type": "Boolean"}},
						 "businessKey": "%s"}""".formatted(topic, municipality, random.nextBoolean(),
						"B-" + random.nextLong(1L << 40));
				return HttpRequest.newBuilder(URI.create(base + "/engine-rest/process-definition/key/peerRequest/start"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build();
			}
			case "track" -> {
				String[] tracked = opened.get(random.nextInt(opened.size()));
				return HttpRequest.newBuilder(URI.create(base + "/api/public/track"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers
						.ofString("{\"trackingCode\": \"%s\", \"pin\": \"%s\"}".formatted(tracked[0], tracked[1])))
					.build();
			}
			case "inbox" -> {
				return HttpRequest.newBuilder(URI.create(base + "/api/inbox?tab=OFFICES&page=" + random.nextInt(5)))
					.header("Authorization", basic)
					.GET()
					.build();
			}
			default -> {
				String body = """
						{"channel": "PHONE", "topic": "%s", "municipality": "%s",
						 "description": "Richiesta %d: il cittadino chiede informazioni sulla sua pratica.",
						 "citizen": {"name": "Mario Rossi", "phone": "+39 333 %07d", "smsConsent": %s, "language": "it"}}"""
					.formatted(topic, municipality, random.nextInt(1_000_000), random.nextInt(10_000_000),
							random.nextBoolean());
				return HttpRequest.newBuilder(URI.create(base + "/api/cases"))
					.header("Content-Type", "application/json")
					.header("Authorization", basic)
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build();
			}
		}
	}

}
