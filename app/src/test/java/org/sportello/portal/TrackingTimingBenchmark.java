package org.sportello.portal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sportello.cases.Channel;
import org.sportello.cases.OpenedCase;
import org.sportello.intake.IntakeRequest;
import org.sportello.intake.IntakeService;
import org.sportello.support.ApiClient;
import org.sportello.support.MariaDbApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark (bench/tracking-timing.sh, never part of ./mvnw verify): answer times of
 * {@code POST /api/public/track} on MariaDB for an unknown code, a known code with a
 * wrong PIN and the right pair, interleaved at random, side by side with a case whose PIN
 * is still a BCrypt hash (how every PIN was stored before). Figures go to
 * app/target/bench/tracking.txt.
 */
@MariaDbApplicationTest
@Tag("bench")
class TrackingTimingBenchmark {

	enum Kind {

		UNKNOWN_CODE, WRONG_PIN, RIGHT_PIN, LEGACY_BCRYPT_WRONG_PIN

	}

	@LocalServerPort
	int port;

	@Autowired
	IntakeService intake;

	@Autowired
	AttemptLimiter limiter;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void unknownCodesWrongPinsAndRightPairsSideBySide() throws Exception {
		int rounds = Integer.getInteger("sportello.bench.rounds", 2000);
		List<OpenedCase> cases = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			cases.add(this.intake.open(new IntakeRequest(Channel.PHONE, "PENSION", "Richiesta per la misura dei tempi",
					null, new IntakeRequest.Citizen("Anna Rossi", null, null, false, "it"), Set.of()), "fo1"));
		}
		OpenedCase legacy = cases.get(0);
		this.jdbc.update("UPDATE spt_case SET pin_hash = ? WHERE id = ?",
				new BCryptPasswordEncoder().encode(legacy.pin()), legacy.caseId());
		ApiClient api = new ApiClient(this.port);
		Random random = new Random(11);
		Map<Kind, List<Long>> times = new EnumMap<>(Kind.class);
		for (Kind kind : Kind.values()) {
			times.put(kind, new ArrayList<>());
		}
		for (int i = 0; i < rounds + 200; i++) {
			if (i % 5 == 0) {
				this.limiter.reset();
			}
			Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
			OpenedCase kase = cases.get(1 + random.nextInt(cases.size() - 1));
			String body = switch (kind) {
				case UNKNOWN_CODE -> track("SPT-" + code(random) + "-" + code(random), kase.pin());
				case WRONG_PIN -> track(kase.trackingCode(), wrong(kase.pin()));
				case RIGHT_PIN -> track(kase.trackingCode(), kase.pin());
				case LEGACY_BCRYPT_WRONG_PIN -> track(legacy.trackingCode(), wrong(legacy.pin()));
			};
			long start = System.nanoTime();
			int status = api.post("/api/public/track", null, body).status();
			long elapsed = System.nanoTime() - start;
			if (status != ((kind == Kind.RIGHT_PIN) ? 200 : 404)) {
				throw new IllegalStateException(kind + " answered " + status);
			}
			if (i >= 200) {
				times.get(kind).add(elapsed);
			}
		}
		StringBuilder report = new StringBuilder(String.format(
				"POST /api/public/track on MariaDB, %d requests after 200 warm-ups, one client, kinds interleaved at random%n",
				rounds));
		for (Kind kind : Kind.values()) {
			long[] sorted = times.get(kind).stream().mapToLong(Long::longValue).sorted().toArray();
			report.append(String.format("%-24s n=%4d  p50 %6.2f ms  p95 %6.2f ms  mean %6.2f ms%n", kind, sorted.length,
					percentile(sorted, 50), percentile(sorted, 95), Arrays.stream(sorted).average().orElse(0) / 1e6));
		}
		// every kind was measured, and the unknown code took no shortcut the wrong PIN
		// did not
		times.values().forEach((measured) -> assertThat(measured).hasSizeGreaterThan(rounds / 10));
		Path file = Path.of("target", "bench", "tracking.txt");
		Files.createDirectories(file.getParent());
		Files.writeString(file, report);
	}

	static String track(String code, String pin) {
		return "{\"trackingCode\":\"" + code + "\",\"pin\":\"" + pin + "\"}";
	}

	static String wrong(String pin) {
		return "000000".equals(pin) ? "111111" : "000000";
	}

	static String code(Random random) {
		String alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 4; i++) {
			code.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return code.toString();
	}

	static double percentile(long[] sorted, int p) {
		if (sorted.length == 0) {
			return 0;
		}
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
	}

}
