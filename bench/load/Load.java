import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load of N client threads (issue #19, W1): each thread sends a request, waits for
 * the answer, sends the next. A warm-up, then the measured period; prints requests per second
 * and latency percentiles of the measured period, and how many answers were not 2xx.
 *
 * Usage: java Load.java sportello|peer <base url> [threads] [warm-up s] [duration s] [codes file]
 * With a codes file, the tracking code of every case opened (201) is appended to it, one per line.
 * Run with the JDK's source launcher: no build.
 */
public class Load {

	static final String[] SPORTELLO_TOPICS = { "HOUSING_ASSISTANCE", "RECONSTRUCTION_GRANT", "CIVIL_REGISTRY_CERTIFICATE",
			"LOCAL_TAX", "PENSION", "HEALTH_BOOKING", "INCOME_SUPPORT", "GAS_CONNECTION", "SCHOOL_BUILDINGS", "OTHER" };

	static final String[] MUNICIPALITIES = { "L'Aquila", "Paganica", "Onna", "Pescara" };

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
		List<long[]> perThread = new ArrayList<>();
		AtomicLong failures = new AtomicLong();
		AtomicLong firstFailure = new AtomicLong();
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			long[] latencies = new long[2_000_000];
			perThread.add(latencies);
			Thread worker = new Thread(() -> {
				int n = 0;
				while (true) {
					long sent = System.nanoTime();
					if (sent >= end) {
						break;
					}
					HttpRequest request = request(kind, base);
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
					if (codes != null && status == 201) {
						java.util.regex.Matcher code = java.util.regex.Pattern.compile("\"trackingCode\":\"([^\"]+)\"")
							.matcher(body);
						if (code.find()) {
							synchronized (codes) {
								codes.println(code.group(1));
							}
						}
					}
					if (sent >= measureFrom && n < latencies.length) {
						latencies[n++] = (status / 100 == 2) ? took : -took;
					}
					if (status / 100 != 2 && failures.incrementAndGet() == 1) {
						System.err.println("first failure: " + status + " " + body.substring(0, Math.min(400, body.length())));
					}
				}
				latencies[latencies.length - 1] = n;
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
		List<Long> ok = new ArrayList<>();
		long bad = 0;
		for (long[] latencies : perThread) {
			int n = (int) latencies[latencies.length - 1];
			for (int i = 0; i < n; i++) {
				if (latencies[i] > 0) {
					ok.add(latencies[i]);
				}
				else {
					bad++;
				}
			}
		}
		long[] sorted = ok.stream().mapToLong(Long::longValue).sorted().toArray();
		System.out.printf("%s: %d threads, %d s: %.1f requests/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %d not 2xx%n", kind,
				threads, duration, sorted.length / (double) duration, percentile(sorted, 50), percentile(sorted, 95),
				percentile(sorted, 99), bad);
	}

	static double percentile(long[] sorted, int p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1_000_000.0;
	}

	static HttpRequest request(String kind, String base) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String municipality = MUNICIPALITIES[random.nextInt(MUNICIPALITIES.length)];
		String topic = SPORTELLO_TOPICS[random.nextInt(SPORTELLO_TOPICS.length)];
		if (kind.equals("peer")) {
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
		String body = """
				{"channel": "PHONE", "topic": "%s", "municipality": "%s",
				 "description": "Richiesta %d: il cittadino chiede informazioni sulla sua pratica.",
				 "citizen": {"name": "Mario Rossi", "phone": "+39 333 %07d", "smsConsent": %s, "language": "it"}}"""
			.formatted(topic, municipality, random.nextInt(1_000_000), random.nextInt(10_000_000), random.nextBoolean());
		return HttpRequest.newBuilder(URI.create(base + "/api/cases"))
			.header("Content-Type", "application/json")
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("fo1:demo".getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

}
