package org.sportello.notify;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.sportello.support.FakeTwilio;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queues many SMS (one per number, so the per-number limit stays out of the way) and lets
 * several dispatchers drain the outbox at once through the fake Twilio server. Shared by
 * the MariaDB test (two dispatchers, 5,000 messages) and the benchmark.
 */
final class SmsPeak {

	private final JdbcTemplate jdbc;

	private final String marker = "Prova-" + UUID.randomUUID().toString().substring(0, 8);

	SmsPeak(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void queue(int count, Instant now) {
		List<Object[]> rows = new ArrayList<>();
		Timestamp at = Timestamp.from(now.minusSeconds(1));
		for (int i = 0; i < count; i++) {
			rows.add(new Object[] { UUID.randomUUID().toString(), String.format("+39340%07d", i),
					this.marker + " messaggio " + i, at, at, at });
		}
		this.jdbc.batchUpdate("INSERT INTO spt_sms_message (id, to_number, body, status, attempts, next_attempt_at, "
				+ "created_at, updated_at, version) VALUES (?, ?, ?, 'QUEUED', 0, ?, ?, ?, 0)", rows);
	}

	/**
	 * Runs the dispatchers in parallel until the outbox has nothing due; answers the
	 * time.
	 */
	Duration drain(List<SmsDispatcher> dispatchers) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(dispatchers.size());
		long start = System.nanoTime();
		try {
			List<Future<?>> running = new ArrayList<>();
			for (SmsDispatcher dispatcher : dispatchers) {
				running.add(pool.submit(() -> {
					while (dispatcher.dispatchOnce() > 0) {
						// until nothing is due
					}
				}));
			}
			for (Future<?> future : running) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	/** Every queued message reached Twilio exactly once, and is marked sent. */
	void assertSentOnce(int count) {
		List<String> bodies = FakeTwilio.shared()
			.accepted()
			.stream()
			.map((form) -> form.get("Body"))
			.filter((body) -> body.startsWith(this.marker))
			.toList();
		Map<String, Long> perBody = bodies.stream()
			.collect(Collectors.groupingBy((body) -> body, Collectors.counting()));
		assertThat(perBody).hasSize(count);
		assertThat(perBody.values().stream().filter((times) -> times != 1)).isEmpty();
		assertThat(Set.copyOf(this.jdbc.queryForList("SELECT DISTINCT status FROM spt_sms_message WHERE body LIKE ?",
				String.class, this.marker + "%")))
			.containsExactly("SENT");
		assertThat(FakeTwilio.shared().violations()).isEmpty();
	}

}
