package org.sportello.security;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sportello.support.ApiClient;
import org.sportello.support.H2ApplicationTest;
import org.sportello.support.Multipart;
import org.sportello.support.TestClock;
import org.sportello.support.WebSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The defects an outside probe found, one test each: lock-out by strangers, login CSRF,
 * legitimate text refused, Unicode blanks taken for text, cases opened by those who
 * cannot read them, 5xx for client mistakes, attachment names that do not download,
 * missing security headers. (Webhook replays: SmsLifecycleTests; PIN timing:
 * PinHasherTests and PublicTrackingApiTests.)
 */
@H2ApplicationTest
class AbuseResistanceTests {

	static final String STRANGER = "203.0.113.7";

	@LocalServerPort
	int port;

	@Autowired
	CamundaIdentityAuthenticationProvider provider;

	@Autowired
	LoginThrottle throttle;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void forgetFailures() {
		TestClock.reset();
		this.jdbc.update("DELETE FROM spt_login_failure");
	}

	@Test
	void aStrangerGuessingPasswordsLocksNobodyOut() {
		for (int i = 0; i < 25; i++) {
			assertThatThrownBy(() -> signIn("bo-pc", "guess", STRANGER)).isInstanceOf(BadCredentialsException.class);
		}
		// the official, from the office, with the right password: at once, form and Basic
		assertThat(signIn("bo-pc", "demo", "127.0.0.1").isAuthenticated()).isTrue();
		WebSession web = new WebSession(this.port);
		assertThat(web.getWithBasic("/api/topics", "bo-pc", "demo").statusCode()).isEqualTo(200);
		assertThat(web.login("bo-pc", "demo").headers().firstValue("Location").orElse("")).doesNotContain("error");

		// one mistyped password does not make the next right one wait
		WebSession typo = new WebSession(this.port);
		assertThat(typo.login("bo-hub", "dem").headers().firstValue("Location").orElse("")).contains("error");
		assertThat(typo.getWithBasic("/api/topics", "bo-hub", "demo").statusCode()).isEqualTo(200);
	}

	@Test
	void guessingFromOneAddressWaitsLongerAndLongerAndAdministratorsSeeIt() {
		Instant start = Instant.parse("2026-12-07T10:00:00Z");
		TestClock.set(start);
		for (int i = 0; i < 3; i++) {
			assertThatThrownBy(() -> signIn("bo-provincia", "guess", STRANGER))
				.isInstanceOf(BadCredentialsException.class);
		}
		// waiting: even the right password is refused from that address, without a check
		assertThatThrownBy(() -> signIn("bo-provincia", "demo", STRANGER)).isInstanceOf(BadCredentialsException.class);
		assertThat(this.throttle.waitFor("bo-provincia", STRANGER)).isEqualTo(Duration.ofSeconds(1));
		TestClock.set(start.plusSeconds(2));
		assertThatThrownBy(() -> signIn("bo-provincia", "guess", STRANGER)).isInstanceOf(BadCredentialsException.class);
		assertThat(this.throttle.waitFor("bo-provincia", STRANGER)).isEqualTo(Duration.ofSeconds(2));
		assertThat(LoginThrottle.delay(30)).isEqualTo(LoginThrottle.LONGEST_WAIT);

		assertThat(this.throttle.recent()).anySatisfy((failure) -> {
			assertThat(failure.userId()).isEqualTo("bo-provincia");
			assertThat(failure.clientAddress()).isEqualTo(STRANGER);
			assertThat(failure.failures()).isEqualTo(4);
			assertThat(failure.blockedAt(start.plusSeconds(2))).isTrue();
		});
		assertThat(this.throttle.unblock("bo-provincia")).isEqualTo(1);
		assertThat(signIn("bo-provincia", "demo", STRANGER).isAuthenticated()).isTrue();
	}

	@Test
	void theLoginFormRefusesPostsWithoutItsToken() {
		// another site's auto-submitting form: no token, a bogus token, a foreign origin
		for (String form : List.of("username=supervisor1&password=demo",
				"username=supervisor1&password=demo&_csrf=bogus")) {
			WebSession victim = new WebSession(this.port);
			victim.get("/login");
			HttpResponse<String> posted = victim.send(HttpRequest.newBuilder(victim.uri("/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Origin", "http://evil.example")
				.POST(HttpRequest.BodyPublishers.ofString(form)));
			assertThat(posted.headers().firstValue("Location").orElse("")).as(form).doesNotEndWith("/");
			assertThat(victim.get("/tasks").statusCode()).as(form).isIn(302, 401, 403);
			assertThat(victim.get("/tasks").headers().firstValue("Location").orElse("")).contains("login");
		}
		// the real form, with its token, signs in
		WebSession real = new WebSession(this.port);
		assertThat(real.login("supervisor1", "demo").headers().firstValue("Location").orElse(""))
			.doesNotContain("error");
		assertThat(real.get("/tasks").statusCode()).isEqualTo(200);
	}

	@Test
	void textIsStoredAsWrittenWithMarkupCharacters() {
		ApiClient api = new ApiClient(this.port);
		String description = "Il mio reddito < 10.000 euro, ISEE > 20.000: pratica spostata -> tributi";
		ApiClient.Response opened = api.post("/api/cases", "fo1",
				body(description, "Anna <Maria> D'Angelo", "L'Aquila -> Paganica"));
		assertThat(opened.status()).as(opened.raw().body()).isEqualTo(201);
		JsonNode kase = api.get("/api/cases/" + opened.json().get("trackingCode").asText(), "fo1").json();
		assertThat(kase.get("description").asText()).isEqualTo(description);
		assertThat(kase.at("/citizen/name").asText()).isEqualTo("Anna <Maria> D'Angelo");
		assertThat(kase.get("municipality").asText()).isEqualTo("L'Aquila -> Paganica");
	}

	@Test
	void blanksInTheUnicodeSenseAreNotTextAndBrokenTextIsRefused() {
		ApiClient api = new ApiClient(this.port);
		Integer before = this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_case", Integer.class);
		assertThat(fields(api.post("/api/cases", "fo1", body("Richiesta valida di prova", "\u3000", null))))
			.containsExactly("citizen.name");
		assertThat(fields(api.post("/api/cases", "fo1", body("\u3000".repeat(12), "Anna Rossi", null))))
			.containsExactly("description");
		assertThat(fields(api.post("/api/cases", "fo1", body(" ".repeat(9) + "a", "Anna Rossi", null))))
			.containsExactly("description");
		assertThat(fields(api.post("/api/cases", "fo1", body("Richiesta con un NUL \\u0000 dentro", "Anna", null))))
			.containsExactly("description");
		assertThat(fields(api.post("/api/cases", "fo1", body("Richiesta con mezzo emoji \\ud83d", "Anna", null))))
			.containsExactly("description");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_case", Integer.class)).isEqualTo(before);

		ApiClient.Response spaced = api.post("/api/cases", "fo1",
				body("\u00a0\u3000Richiesta con spazi larghi\u3000", "\u2003Anna Rossi\u00a0", null));
		assertThat(spaced.status()).isEqualTo(201);
		JsonNode kase = api.get("/api/cases/" + spaced.json().get("trackingCode").asText(), "fo1").json();
		assertThat(kase.get("description").asText()).isEqualTo("Richiesta con spazi larghi");
		assertThat(kase.at("/citizen/name").asText()).isEqualTo("Anna Rossi");
	}

	@Test
	void onlyThoseWhoReadEveryCaseOpenCases() {
		ApiClient api = new ApiClient(this.port);
		ApiClient.Response refused = api.post("/api/cases", "bo-inps",
				body("Richiesta aperta da un ufficio", "Anna", null));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(
				api.post("/api/cases", "supervisor1", body("Richiesta aperta dal supervisore", "Anna", null)).status())
			.isEqualTo(201);
	}

	@Test
	void anAddressWithAnEmptyPartIsRefusedAsTheClientsMistake() {
		// what a client sends when it builds /api/cases/{code}/forward with an empty code
		ApiClient.Response refused = new ApiClient(this.port).post("/api/cases//forward", "fo1", "{\"note\": \"x\"}");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().path("detail").asText()).contains("//");
	}

	@Test
	void clientMistakesAreNeverServerErrors() {
		WebSession web = new WebSession(this.port);
		assertThat(web.getWithBasic("//engine-rest/task", "designer", "demo").statusCode()).isEqualTo(400);
		assertThat(web.getWithBasic("/engine-rest;a=b/task", "designer", "demo").statusCode()).isEqualTo(400);
		assertThat(web.get("/error").statusCode()).isEqualTo(404);
		assertThat(web.get("/%2e%2e/etc/passwd").statusCode()).isBetween(400, 499);

		HttpResponse<String> started = web
			.send(HttpRequest.newBuilder(web.uri("/engine-rest/process-definition/key/citizenRequest/start"))
				.header("Authorization", WebSession.basic("admin", "demo"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{}")));
		assertThat(started.statusCode()).isEqualTo(400);
		assertThat(started.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(started.body()).contains("processDefinitionKey").contains("/api/cases");
		String id = this.jdbc.queryForObject(
				"SELECT ID_ FROM ACT_RE_PROCDEF WHERE KEY_ = 'citizenRequest' ORDER BY VERSION_ DESC LIMIT 1",
				String.class);
		assertThat(web
			.send(HttpRequest.newBuilder(web.uri("/engine-rest/process-definition/" + id + "/start"))
				.header("Authorization", WebSession.basic("admin", "demo"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{}")))
			.statusCode()).isEqualTo(400);
	}

	@Test
	void everyListedAttachmentDownloads() {
		ApiClient api = new ApiClient(this.port);
		String code = api.post("/api/cases", "fo1", body("Richiesta con allegati dai nomi strani", "Anna", null))
			.json()
			.get("trackingCode")
			.asText();
		byte[] pdf = "%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII);
		for (String name : List.of("..", "%2e%2e%2fpasswd.pdf", ".", "a/b\\c.pdf", "<b>x</b>.pdf")) {
			ApiClient.Response stored = api.postMultipart("/api/cases/" + code + "/attachments", "fo1",
					new Multipart().file("file", name, "application/pdf", pdf));
			assertThat(stored.status()).as(name).isEqualTo(201);
		}
		List<String> names = new ArrayList<>();
		for (JsonNode file : api.get("/api/cases/" + code + "/attachments", "fo1").json()) {
			names.add(file.get("fileName").asText());
			ApiClient.Response download = api.get("/api/cases/" + code + "/attachments/" + file.get("id").asText(),
					"fo1");
			assertThat(download.status()).as(file.get("fileName").asText()).isEqualTo(200);
		}
		assertThat(names).containsExactlyInAnyOrder("allegato.pdf", "passwd.pdf", "allegato.pdf", "c.pdf", "b_.pdf");
	}

	@Test
	void pagesAndApisCarrySecurityHeadersAndTheSessionCookieStaysOnSite() {
		WebSession web = new WebSession(this.port);
		HttpResponse<String> page = web.get("/login");
		assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'")
			.contains("frame-ancestors 'self'")
			.contains("object-src 'none'");
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
		assertThat(page.headers().firstValue("Permissions-Policy").orElse("")).contains("camera=()");
		assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
		assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(page.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).contains("JSESSIONID")
				.containsIgnoringCase("SameSite=Lax")
				.containsIgnoringCase("HttpOnly"));
		// plain HTTP here: no HSTS (it is sent over HTTPS only)
		assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();

		HttpResponse<String> api = web.getWithBasic("/api/topics", "fo1", "demo");
		assertThat(api.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'");
		assertThat(api.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
		HttpResponse<String> secure = web.send(HttpRequest.newBuilder(URI.create(web.uri("/login").toString()))
			.header("X-Forwarded-Proto", "https")
			.GET());
		assertThat(secure.statusCode()).isEqualTo(200);
	}

	private Authentication signIn(String user, String password, String address) {
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(user, password);
		token.setDetails(new WebAuthenticationDetails(address, null));
		return this.provider.authenticate(token);
	}

	static String body(String description, String name, String municipality) {
		return """
				{"channel":"PHONE","topic":"PENSION","description":%s,"municipality":%s,
				 "citizen":{"name":%s,"phone":"+393331234567","smsConsent":false,"language":"it"}}"""
			.formatted(json(description), json(municipality), json(name));
	}

	/** A JSON string; {@code \\u} escapes written in the text stay escapes. */
	static String json(String text) {
		if (text == null) {
			return "null";
		}
		return "\"" + text.replace("\"", "\\\"") + "\"";
	}

	static List<String> fields(ApiClient.Response response) {
		assertThat(response.status()).as(response.raw().body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		List<String> fields = new ArrayList<>();
		response.json().get("errors").forEach((error) -> fields.add(error.get("field").asText()));
		return fields;
	}

}
