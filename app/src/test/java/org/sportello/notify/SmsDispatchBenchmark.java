package org.sportello.notify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sportello.support.FakeTwilio;
import org.sportello.support.MariaDbApplicationTest;
import org.sportello.support.TestClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark (bench/sms-dispatch.sh, never part of ./mvnw verify): outbox dispatch rate on
 * MariaDB against the fake Twilio answering in 50 ms, with one dispatcher and with two.
 * Figures go to app/target/bench/sms-dispatch.txt.
 */
@MariaDbApplicationTest
@Tag("bench")
class SmsDispatchBenchmark {

	@Autowired
	SmsDispatcher dispatcher;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void dispatchRateWithTwilioAnsweringIn50Milliseconds() throws Exception {
		int count = Integer.getInteger("sportello.bench.messages", 3000);
		StringBuilder report = new StringBuilder();
		try {
			TestClock.set(SmsLifecycleTests.MORNING);
			FakeTwilio.shared().reset();
			FakeTwilio.shared().delay(50);
			for (List<SmsDispatcher> dispatchers : List.of(List.of(this.dispatcher),
					List.of(this.dispatcher, SmsDispatchMariaDbTests.secondNode(this.context)))) {
				SmsPeak peak = new SmsPeak(this.jdbc);
				peak.queue(count, SmsLifecycleTests.MORNING);
				Duration took = peak.drain(dispatchers);
				peak.assertSentOnce(count);
				report.append(String.format(
						"%d dispatcher(s), %d messages, Twilio answering in 50 ms: %.1f s, %.0f " + "messages/s%n",
						dispatchers.size(), count, took.toMillis() / 1000.0, count / (took.toMillis() / 1000.0)));
			}
		}
		finally {
			TestClock.reset();
			FakeTwilio.shared().reset();
		}
		Path file = Path.of("target", "bench", "sms-dispatch.txt");
		Files.createDirectories(file.getParent());
		Files.writeString(file, report);
	}

}
