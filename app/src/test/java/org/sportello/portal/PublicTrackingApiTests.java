package org.sportello.portal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sportello.cases.Channel;
import org.sportello.cases.OpenedCase;
import org.sportello.intake.IntakeRequest;
import org.sportello.intake.IntakeService;
import org.sportello.support.ApiClient;
import org.sportello.support.H2ApplicationTest;
import org.sportello.support.TestClock;
import org.sportello.tasklist.BackOfficeActions;
import org.sportello.tasklist.BackOfficeOutcome;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The citizen's API without login: status and public timeline by code and PIN, identical
 * refusals, the per-address limit, ratings once per finished case, and bad input refused
 * with 400 (never a 500).
 */
@H2ApplicationTest
class PublicTrackingApiTests {

	@LocalServerPort
	int port;

	@Autowired
	IntakeService intake;

	@Autowired
	BackOfficeActions backOffice;

	@Autowired
	AttemptLimiter limiter;

	@Autowired
	PublicTracking tracking;

	@Autowired
	Clock clock;

	int hostNumber = 1;

	@Autowired
	JdbcTemplate jdbc;

	ApiClient api;

	@BeforeEach
	void client() {
		this.api = new ApiClient(this.port);
		this.limiter.reset();
	}

	@Test
	void citizenSeesStatusOfficeAndPublicTimelineButNothingInternal() {
		OpenedCase opened = open();
		this.intake.forward(opened.trackingCode(), "Nota interna del front office", "fo1");
		this.backOffice.decide(opened.trackingCode(), "bo-inps", BackOfficeOutcome.TRANSFER,
				"Motivazione interna: competenza del Comune", "COMUNE-AQ");

		ApiClient.Response tracked = track(opened.trackingCode().toLowerCase(), opened.pin());
		assertThat(tracked.status()).isEqualTo(200);
		JsonNode body = tracked.json();
		assertThat(body.get("status").asText()).isEqualTo("IN_LAVORAZIONE");
		assertThat(body.get("inCharge").toString()).contains("Comune dell'Aquila").doesNotContain("INPS");
		List<String> steps = new ArrayList<>();
		body.get("timeline").forEach((step) -> steps.add(step.get("type").asText()));
		assertThat(steps).contains("OPENED", "STATUS_CHANGED", "TRANSFERRED")
			.doesNotContain("ASSIGNED", "TASK_COMPLETED");
		assertThat(body.toString()).doesNotContain("interna")
			.doesNotContain("bo-inps")
			.doesNotContain("fo1")
			.doesNotContain("Maria")
			.doesNotContain("inps-bo");
		assertThat(body.get("rateable").asBoolean()).isFalse();
	}

	@Test
	void wrongPinAndUnknownCodeAreAnsweredAlikeAndAnAddressThatKeepsFailingMustWait() {
		OpenedCase opened = open();
		ApiClient.Response wrongPin = track(opened.trackingCode(), "000000".equals(opened.pin()) ? "111111" : "000000");
		ApiClient.Response unknown = track("SPT-2222-2222", opened.pin());
		assertThat(wrongPin.status()).isEqualTo(404);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(wrongPin.raw().body()).isEqualTo(unknown.raw().body());

		for (int i = 2; i < AttemptLimiter.MAX_FAILURES; i++) {
			assertThat(track("SPT-2222-2222", "123456").status()).isEqualTo(404);
		}
		ApiClient.Response limited = track(opened.trackingCode(), opened.pin());
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.raw().headers().firstValue("Retry-After")).isPresent();
		assertThat(limited.contentType()).contains("problem+json");
	}

	@Test
	void guessesAtOneCodeFromManyAddressesMakeThatCodeWait() {
		OpenedCase opened = open();
		String wrong = "000000".equals(opened.pin()) ? "111111" : "000000";
		for (int i = 0; i < AttemptLimiter.MAX_FAILURES; i++) {
			assertThatThrownBy(
					() -> this.tracking.track(opened.trackingCode(), wrong, "198.51.100." + this.hostNumber++))
				.isInstanceOf(TrackingRefusedException.class);
		}
		assertThatThrownBy(() -> this.tracking.track(opened.trackingCode(), opened.pin(), "192.0.2.200"))
			.isInstanceOf(TooManyAttemptsException.class);
		// another code from a fresh address is not affected
		OpenedCase other = open();
		assertThat(this.tracking.track(other.trackingCode(), other.pin(), "192.0.2.201").trackingCode())
			.isEqualTo(other.trackingCode());
	}

	@Test
	void theCountersStayBoundedWithoutClearingAnyoneElses() {
		for (int i = 0; i < AttemptLimiter.MAX_FAILURES; i++) {
			this.limiter.failed("192.0.2.1", "SPT-2222-222" + (i % 8 + 2));
		}
		// a flood of other addresses and codes does not clear the first address's count
		for (int i = 0; i < 2000; i++) {
			this.limiter.failed("10.9." + (i / 250) + "." + (i % 250), "SPT-3333-" + (1000 + i));
		}
		assertThatThrownBy(() -> this.limiter.check("192.0.2.1", "SPT-4444-4444"))
			.isInstanceOf(TooManyAttemptsException.class);
		// closed windows are forgotten: the table holds one window's worth
		Integer rows = this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_attempt_failure", Integer.class);
		TestClock.set(this.clock.instant().plus(AttemptLimiter.WINDOW).plusSeconds(1));
		try {
			this.limiter.forgetClosedWindows();
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_attempt_failure", Integer.class))
				.isLessThan(rows)
				.isZero();
			this.limiter.check("192.0.2.1", "SPT-4444-4444");
		}
		finally {
			TestClock.reset();
		}
	}

	@Test
	void finishedCaseIsRatedOnceWithAComment() {
		OpenedCase opened = open();
		assertThat(rate(opened, "POSITIVE", "Bene").status()).isEqualTo(409);

		this.intake.resolve(opened.trackingCode(), "Risposta data al telefono", "fo1");
		assertThat(track(opened.trackingCode(), opened.pin()).json().get("rateable").asBoolean()).isTrue();
		ApiClient.Response rated = rate(opened, "NEUTRAL", "Risposta chiara, attesa lunga");
		assertThat(rated.status()).isEqualTo(201);
		assertThat(rated.json().get("rating").asText()).isEqualTo("NEUTRAL");
		assertThat(rated.json().get("rateable").asBoolean()).isFalse();
		ApiClient.Response again = rate(opened, "NEGATIVE", null);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("reason").asText()).isEqualTo("ALREADY_RATED");
		assertThat(this.jdbc.queryForObject("SELECT rating || '|' || comment FROM spt_rating WHERE case_id = ?",
				String.class, opened.caseId()))
			.isEqualTo("NEUTRAL|Risposta chiara, attesa lunga");
	}

	@Test
	void badInputIsRefusedWith400AndNeverBreaksTheService() {
		OpenedCase opened = open();
		List<String> bodies = List.of("{}", "not json", "[]", "{\"trackingCode\":null,\"pin\":null}",
				"{\"trackingCode\":\"" + "A".repeat(5000) + "\",\"pin\":\"123456\"}",
				"{\"trackingCode\":\"SPT-2222-2222' OR '1'='1\",\"pin\":\"123456\"}",
				"{\"trackingCode\":\"<script>alert(1)</script>\",\"pin\":\"123456\"}",
				"{\"trackingCode\":\"SPT-ÀÈÌÒ-ÙÉ😀\",\"pin\":\"١٢٣٤٥٦\"}",
				"{\"trackingCode\":\"" + opened.trackingCode() + "\",\"pin\":\"12345\"}");
		for (String body : bodies) {
			ApiClient.Response response = this.api.post("/api/public/track", null, body);
			assertThat(response.status()).as(body).isEqualTo(400);
			assertThat(response.contentType()).as(body).contains("problem+json");
		}
		ApiClient.Response script = this.api.post("/api/public/rating", null,
				"{\"trackingCode\":\"" + opened.trackingCode() + "\",\"pin\":\"" + opened.pin()
						+ "\",\"rating\":\"POSITIVE\",\"comment\":\"a NUL \\u0000 is no text\"}");
		assertThat(script.status()).isEqualTo(400);
		assertThat(script.json().get("errors").toString()).contains("comment");
		assertThat(this.api
			.post("/api/public/rating", null,
					"{\"trackingCode\":\"" + opened.trackingCode() + "\",\"pin\":\"" + opened.pin()
							+ "\",\"rating\":\"EXCELLENT\"}")
			.status()).isEqualTo(400);
		// malformed requests do not count as guesses
		assertThat(track(opened.trackingCode(), opened.pin()).status()).isEqualTo(200);
	}

	private OpenedCase open() {
		return this.intake.open(
				new IntakeRequest(Channel.WEB_FORM, "PENSION", "Quando arriva il primo rateo di pensione?", null,
						new IntakeRequest.Citizen("Maria Rossi", null, "maria@example.org", false, "it"), Set.of()),
				"fo1");
	}

	private ApiClient.Response track(String code, String pin) {
		return this.api.post("/api/public/track", null, "{\"trackingCode\":\"" + code + "\",\"pin\":\"" + pin + "\"}");
	}

	private ApiClient.Response rate(OpenedCase opened, String rating, String comment) {
		return this.api.post("/api/public/rating", null,
				"{\"trackingCode\":\"" + opened.trackingCode() + "\",\"pin\":\"" + opened.pin() + "\",\"rating\":\""
						+ rating + "\"" + ((comment != null) ? ",\"comment\":\"" + comment + "\"" : "") + "}");
	}

}
