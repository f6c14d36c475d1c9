package org.sportello.exchange;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.sportello.SportelloApplication;
import org.sportello.cases.CaseAnswer;
import org.sportello.cases.CaseRow;
import org.sportello.cases.CaseStatus;
import org.sportello.cases.Cases;
import org.sportello.cases.Channel;
import org.sportello.cases.OpenedCase;
import org.sportello.documents.CitizenReplies;
import org.sportello.intake.IntakeRequest;
import org.sportello.intake.IntakeService;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real installations, each with its own database: the origin (an application context
 * in this JVM, H2 in memory) and a peer that serves INPS (a second JVM started from the
 * same classpath, H2 in a file, so that it can be stopped and started again). Both run
 * the demo network; the peer's INPS official answers through the peer's case API. In a
 * JVM of its own: the origin starts an engine named "default".
 */
@Tag("own-jvm")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstallationsTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

	private static ConfigurableApplicationContext origin;

	private static String originUrl;

	private static Path peerData;

	private static int peerPort;

	private static Process peer;

	@BeforeAll
	static void startBothInstallations() throws Exception {
		Path root = Files.createTempDirectory("sportello-two-installations");
		peerData = root.resolve("peer");
		origin = new SpringApplicationBuilder(SportelloApplication.class).profiles("demo")
			.run(common("origin", root.resolve("origin")).toArray(String[]::new));
		originUrl = "http://127.0.0.1:" + origin.getEnvironment().getProperty("local.server.port");
		try (ServerSocket socket = new ServerSocket(0)) {
			peerPort = socket.getLocalPort();
		}
		startPeer();
		// each side knows the other: its address and the key it signs with
		JsonNode peerKeys = getJson("http://127.0.0.1:" + peerPort + "/api/exchange/v1/keys", null);
		origin.getBean(Peers.class)
			.save(new Peers.PeerForm("aq-inps", "Sportello INPS L'Aquila", "http://127.0.0.1:" + peerPort,
					peerKeys.at("/keys/0/keyid").asText(), peerKeys.at("/keys/0/publicKey").asText(), null, null, true,
					List.of("INPS")), "test");
		ExchangeKeys.OwnKey own = origin.getBean(ExchangeKeys.class).current();
		HttpResponse<String> saved = send("PUT", peerUrl("/api/exchange/peers/hub"), "admin:demo",
				JSON.writeValueAsString(Map.of("name", "Linea Amica (hub)", "baseUrl", originUrl, "keyId", own.keyId(),
						"publicKey", own.publicKeyText(), "enabled", true, "administrations", List.of())));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
	}

	@AfterAll
	static void stopBoth() {
		stopPeer();
		if (origin != null) {
			origin.close();
		}
	}

	@Test
	@Order(1)
	void aCaseForAnAdministrationServedByThePeerCrossesAndItsAnswerReachesTheCitizensTracking() throws Exception {
		OpenedCase opened = openAndForward("Pensione di reversibilità: a che punto è la domanda presentata a marzo?");

		ExchangeLeg leg = awaitLeg(opened.caseId());
		assertThat(leg.remoteCode()).startsWith("SPT-");
		// the peer's case: channel EXCHANGE, with the origin's code, at INPS's back
		// office
		JsonNode remote = getJson(peerUrl("/api/cases/" + leg.remoteCode()), "bo-inps:demo");
		assertThat(remote.path("channel").asText()).isEqualTo("EXCHANGE");
		assertThat(remote.toString()).contains("Pensione di reversibilità").doesNotContain("Rossana");

		HttpResponse<String> answered = send("POST", peerUrl("/api/cases/" + leg.remoteCode() + "/back-office"),
				"bo-inps:demo",
				"{\"outcome\":\"ANSWER\",\"answer\":\"La domanda è accolta: il primo rateo arriva a " + "gennaio.\"}");
		assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);

		await(() -> status(opened.caseId()) == CaseStatus.RISOLTA);
		JsonNode tracked = postJson(originUrl + "/api/public/track",
				Map.of("trackingCode", opened.trackingCode(), "pin", opened.pin()));
		assertThat(tracked.path("status").asText()).isEqualTo("RISOLTA");
		assertThat(tracked.path("answers").toString()).contains("il primo rateo arriva a gennaio");
		// the citizen followed the peer's progress, named by its administration
		assertThat(tracked.path("timeline").toString()).contains("EXCHANGED");
	}

	@Test
	@Order(2)
	void forgedUnknownStaleAndReplayedMessagesAreRefusedWithAProblem() throws Exception {
		String[] forger = ExchangeKeys.newKeyLine("forger-k1").split(":");
		origin.getBean(Peers.class)
			.save(new Peers.PeerForm("forger", "Test peer", "http://127.0.0.1:9", forger[0], forger[2], null, null,
					true, List.of()), "test");
		PrivateKey key = privateKey(forger[1]);
		PrivateKey stranger = privateKey(ExchangeKeys.newKeyLine("x").split(":")[1]);
		Instant now = origin.getBean(Clock.class).instant();
		String body = caseMessage(UUID.randomUUID().toString(), now);

		HttpRequest signed = signedRequest(body, "forger-k1", key, now);
		HttpResponse<String> accepted = HTTP.send(signed, HttpResponse.BodyHandlers.ofString());
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

		assertProblem(HTTP.send(signed, HttpResponse.BodyHandlers.ofString()), 409, "nonce");
		HttpResponse<String> again = HTTP.send(signedRequest(body, "forger-k1", key, now),
				HttpResponse.BodyHandlers.ofString());
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).contains("duplicate");

		String other = caseMessage(UUID.randomUUID().toString(), now);
		assertProblem(HTTP.send(signedRequest(other, "forger-k1", stranger, now), HttpResponse.BodyHandlers.ofString()),
				401, "Signature");
		assertProblem(HTTP.send(signedRequest(other, "nobody-k9", key, now), HttpResponse.BodyHandlers.ofString()), 401,
				"keyid");
		assertProblem(HTTP.send(signedRequest(other, "forger-k1", key, now.minus(Duration.ofMinutes(10))),
				HttpResponse.BodyHandlers.ofString()), 401, "created");
		HttpRequest tampered = HttpRequest.newBuilder(URI.create(originUrl + ExchangeApi.MESSAGES))
			.headers(signedRequest(other, "forger-k1", key, now).headers()
				.map()
				.entrySet()
				.stream()
				.flatMap((e) -> e.getValue().stream().flatMap((v) -> java.util.stream.Stream.of(e.getKey(), v)))
				.toArray(String[]::new))
			.POST(HttpRequest.BodyPublishers.ofString(other.replace("Pensione", "Bonus")))
			.build();
		assertProblem(HTTP.send(tampered, HttpResponse.BodyHandlers.ofString()), 400, "Content-Digest");
		// one case only came in: the accepted message
		assertThat(countCases(Channel.EXCHANGE)).isEqualTo(1);
	}

	@Test
	@Order(3)
	void aPeerRotatesItsKeyWithoutDowntime() throws Exception {
		String[] old = ExchangeKeys.newKeyLine("rotating-k1").split(":");
		String[] fresh = ExchangeKeys.newKeyLine("rotating-k2").split(":");
		Peers peers = origin.getBean(Peers.class);
		peers.save(new Peers.PeerForm("rotating", "Rotating peer", "http://127.0.0.1:9", old[0], old[2], null, null,
				true, List.of()), "test");
		Instant now = origin.getBean(Clock.class).instant();
		HttpResponse<String> beforeRotation = HTTP.send(
				signedRequest(caseMessage(UUID.randomUUID().toString(), now), "rotating-k1", privateKey(old[1]), now),
				HttpResponse.BodyHandlers.ofString());
		assertThat(beforeRotation.statusCode()).as(beforeRotation.body()).isEqualTo(202);
		assertProblem(HTTP.send(
				signedRequest(caseMessage(UUID.randomUUID().toString(), now), "rotating-k2", privateKey(fresh[1]), now),
				HttpResponse.BodyHandlers.ofString()), 401, "keyid");

		// the peer announces its new key: both verify while it moves its nodes over
		peers.save(new Peers.PeerForm("rotating", "Rotating peer", "http://127.0.0.1:9", old[0], old[2], fresh[0],
				fresh[2], true, List.of()), "test");
		for (String[] key : List.of(old, fresh)) {
			HttpResponse<String> during = HTTP.send(
					signedRequest(caseMessage(UUID.randomUUID().toString(), now), key[0], privateKey(key[1]), now),
					HttpResponse.BodyHandlers.ofString());
			assertThat(during.statusCode()).as(key[0] + " " + during.body()).isEqualTo(202);
		}

		// the old key is dropped: only the new one verifies
		peers.save(new Peers.PeerForm("rotating", "Rotating peer", "http://127.0.0.1:9", fresh[0], fresh[2], null, null,
				true, List.of()), "test");
		assertProblem(HTTP.send(
				signedRequest(caseMessage(UUID.randomUUID().toString(), now), "rotating-k1", privateKey(old[1]), now),
				HttpResponse.BodyHandlers.ofString()), 401, "keyid");
		HttpResponse<String> after = HTTP.send(
				signedRequest(caseMessage(UUID.randomUUID().toString(), now), "rotating-k2", privateKey(fresh[1]), now),
				HttpResponse.BodyHandlers.ofString());
		assertThat(after.statusCode()).as(after.body()).isEqualTo(202);
	}

	@Test
	@Order(4)
	void aPeerStoppedAndStartedAgainReceivesEverythingOnceAndInOrder() throws Exception {
		stopPeer();
		OpenedCase first = openAndForward("Assegno di invalidità: serve un nuovo certificato medico?");
		OpenedCase second = openAndForward("Estratto contributivo con periodi mancanti dal 1998 al 2001");
		ExchangeDispatcher dispatcher = origin.getBean(ExchangeDispatcher.class);
		await(() -> dispatcher.recent(100)
			.stream()
			.filter((m) -> "CASE".equals(m.kind()) && !"SENT".equals(m.status()))
			.anyMatch((m) -> m.attempts() >= 2 && m.lastError() != null));
		assertThat(dispatcher.unsent()).isGreaterThanOrEqualTo(2);

		startPeer();
		ExchangeLeg firstLeg = awaitLeg(first.caseId());
		ExchangeLeg secondLeg = awaitLeg(second.caseId());

		// the peer asks the citizen for a document through the origin
		HttpResponse<String> asked = send("POST", peerUrl("/api/cases/" + firstLeg.remoteCode() + "/back-office"),
				"bo-inps:demo", "{\"outcome\":\"REQUEST_INFO\",\"answer\":\"Serve il certificato medico aggiornato.\","
						+ "\"documents\":[\"OTHER\"],\"withinDays\":10}");
		assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
		await(() -> status(first.caseId()) == CaseStatus.IN_ATTESA_DI_INTEGRAZIONE);
		assertThat(origin.getBean(Cases.class).answersOf(first.caseId()))
			.anyMatch((a) -> a.kind() == CaseAnswer.Kind.REQUEST_INFO && a.body().contains("certificato medico"));

		// the peer goes down again before the citizen replies
		stopPeer();
		origin.getBean(CitizenReplies.class)
			.reply(first.trackingCode(), "Ecco il certificato rilasciato dalla ASL il 2 dicembre.", List.of(),
					CitizenReplies.CITIZEN);
		startPeer();
		await(() -> "IN_LAVORAZIONE".equals(peerStatus(firstLeg.remoteCode())));

		send("POST", peerUrl("/api/cases/" + firstLeg.remoteCode() + "/back-office"), "bo-inps:demo",
				"{\"outcome\":\"ANSWER\",\"answer\":\"Con il nuovo certificato l'assegno è confermato.\"}");
		send("POST", peerUrl("/api/cases/" + secondLeg.remoteCode() + "/back-office"), "bo-inps:demo",
				"{\"outcome\":\"NOT_COMPETENT\",\"answer\":\"I periodi del 1998-2001 sono di un'altra cassa.\"}");
		await(() -> status(first.caseId()) == CaseStatus.RISOLTA);
		await(() -> status(second.caseId()) == CaseStatus.NON_DI_COMPETENZA);
		// (the test peer of the previous test, which does not exist, still waits for its
		// ACK)
		await(() -> dispatcher.recent(100)
			.stream()
			.filter((m) -> "aq-inps".equals(m.peerId()))
			.allMatch((m) -> "SENT".equals(m.status())));

		// everything the origin sent arrived exactly once, each exchange's messages in
		// order
		List<OutboxMessage> sent = dispatcher.recent(100).stream().filter((m) -> "aq-inps".equals(m.peerId())).toList();
		try (Connection db = DriverManager.getConnection(peerDatabaseUrl(), "sa", "")) {
			for (OutboxMessage message : sent) {
				assertThat(count(db,
						"SELECT COUNT(*) FROM spt_exchange_inbound WHERE message_id = '" + message.id() + "'"))
					.as(message.kind())
					.isEqualTo(1);
			}
			assertThat(count(db, "SELECT COUNT(*) FROM spt_case WHERE channel = 'EXCHANGE'")).isEqualTo(3);
			// the citizen's reply came after the case it belongs to
			List<String> kinds = new ArrayList<>();
			try (ResultSet rows = db.createStatement()
				.executeQuery("SELECT i.message_id FROM spt_exchange_inbound i ORDER BY i.received_at")) {
				while (rows.next()) {
					kinds.add(rows.getString(1));
				}
			}
			String caseId = sent.stream()
				.filter((m) -> m.exchangeId().equals(firstLeg.exchangeId()) && m.kind().equals("CASE"))
				.findFirst()
				.orElseThrow()
				.id();
			String replyId = sent.stream()
				.filter((m) -> m.exchangeId().equals(firstLeg.exchangeId()) && m.kind().equals("CITIZEN_REPLY"))
				.findFirst()
				.orElseThrow()
				.id();
			assertThat(kinds.indexOf(caseId)).isLessThan(kinds.indexOf(replyId));
		}
	}

	// --- the two installations

	private static List<String> common(String name, Path data) {
		return new ArrayList<>(List.of("--server.port=" + (name.equals("origin") ? "0" : String.valueOf(peerPort)),
				"--sportello.data-dir=" + data, "--sportello.exchange.installation-id=" + name,
				"--sportello.exchange.dispatch-interval=300ms", "--sportello.exchange.first-retry=PT1S",
				"--sportello.exchange.max-retry=PT2S", "--sportello.demo.report-year=false",
				"--sportello.sms.scheduled=false", "--sportello.mail.scheduled=false",
				"--sportello.distribution.scheduled=false", "--sportello.retention.cron=-",
				"--camunda.bpm.generic-properties.properties.historyCleanupEnabled=false", "--spring.datasource.url="
						+ (name.equals("origin") ? "jdbc:h2:mem:origin;DB_CLOSE_DELAY=-1" : peerDatabaseUrl())));
	}

	private static String peerDatabaseUrl() {
		// AUTO_SERVER: this test reads the peer's tables while the peer runs
		return "jdbc:h2:file:" + peerData.resolve("sportello") + ";AUTO_SERVER=TRUE";
	}

	private static void startPeer() throws Exception {
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
						"-XX:TieredStopAtLevel=1", "-Dsportello.clock.start=" + origin.getBean(Clock.class).instant(),
						"-cp", classpath, SportelloApplication.class.getName(), "--spring.profiles.active=demo"));
		command.addAll(common("peer", peerData));
		File log = Path.of("target", "two-installations-peer.log").toFile();
		peer = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log))
			.start();
		Instant until = Instant.now().plus(Duration.ofMinutes(3));
		while (Instant.now().isBefore(until)) {
			if (!peer.isAlive()) {
				throw new IllegalStateException("The peer stopped; see " + log);
			}
			try {
				HttpResponse<String> health = HTTP.send(
						HttpRequest.newBuilder(URI.create(peerUrl("/actuator/health"))).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("UP")) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("The peer did not start in 3 minutes; see " + log);
	}

	private static void stopPeer() {
		if (peer != null && peer.isAlive()) {
			peer.destroy();
			try {
				if (!peer.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
					peer.destroyForcibly().waitFor();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static String peerUrl(String path) {
		return "http://127.0.0.1:" + peerPort + path;
	}

	// --- the origin's side

	private static OpenedCase openAndForward(String description) {
		IntakeService intake = origin.getBean(IntakeService.class);
		OpenedCase opened = intake.open(
				new IntakeRequest(Channel.PHONE, "PENSION", description, "L'Aquila",
						new IntakeRequest.Citizen("Rossana Di Berardino", "+393331234567", null, false, "it"), null),
				"fo1");
		intake.forward(opened.trackingCode(), "Il cittadino chiede lo stato della pratica", "fo1");
		return opened;
	}

	private static ExchangeLeg awaitLeg(String caseId) throws InterruptedException {
		Exchange exchange = origin.getBean(Exchange.class);
		await(() -> exchange.legsOf(caseId).stream().anyMatch((leg) -> leg.remoteCode() != null));
		return exchange.legsOf(caseId).get(0);
	}

	private static CaseStatus status(String caseId) {
		return origin.getBean(Cases.class).byId(caseId).map(CaseRow::status).orElseThrow();
	}

	private static String peerStatus(String code) {
		try {
			return getJson(peerUrl("/api/cases/" + code), "bo-inps:demo").path("status").asText();
		}
		catch (Exception ex) {
			return null;
		}
	}

	private static int countCases(Channel channel) {
		return origin.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
			.queryForObject("SELECT COUNT(*) FROM spt_case WHERE channel = ?", Integer.class, channel.name());
	}

	private static String caseMessage(String id, Instant created) throws Exception {
		return JSON.writeValueAsString(Map.of("id", id, "created", created.toString(), "exchangeId",
				UUID.randomUUID().toString(), "seq", 1, "type", "CASE", "case",
				Map.of("administration", "COMUNE-AQ", "topic", "OTHER", "description",
						"Pensione: richiesta di informazioni da un'altra installazione", "channel", "PHONE", "language",
						"it", "priority", "NORMAL", "originCode", "SPT-TEST-0001")));
	}

	private static HttpRequest signedRequest(String body, String keyId, PrivateKey key, Instant created) {
		String url = originUrl + ExchangeApi.MESSAGES;
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		String digest = HttpSignatures.contentDigest(bytes);
		HttpSignatures.Request request = new HttpSignatures.Request("POST", url,
				(name) -> Map.of("content-digest", digest, "content-type", "application/json").get(name));
		String[] signature = HttpSignatures.sign(request, new HttpSignatures.Params(HttpSignatures.COVERED,
				created.getEpochSecond(), keyId, "ed25519", UUID.randomUUID().toString()), key);
		return HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.header("Content-Digest", digest)
			.header("Signature-Input", signature[0])
			.header("Signature", signature[1])
			.POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
			.build();
	}

	private static void assertProblem(HttpResponse<String> response, int status, String field) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
		assertThat(JSON.readTree(response.body()).path("field").asText()).isEqualTo(field);
	}

	private static PrivateKey privateKey(String base64) throws Exception {
		return KeyFactory.getInstance("Ed25519")
			.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
	}

	// --- HTTP and waiting

	private static JsonNode getJson(String url, String credentials) throws Exception {
		HttpResponse<String> response = send("GET", url, credentials, null);
		assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static JsonNode postJson(String url, Object body) throws Exception {
		HttpResponse<String> response = send("POST", url, null, JSON.writeValueAsString(body));
		assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static HttpResponse<String> send(String method, String url, String credentials, String json)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.method(method,
					(json == null) ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int count(Connection db, String sql) throws Exception {
		try (ResultSet rows = db.createStatement().executeQuery(sql)) {
			rows.next();
			return rows.getInt(1);
		}
	}

	/** Waits for what another installation does, as a user would: a minute at most. */
	private static void await(BooleanSupplier condition) throws InterruptedException {
		Instant until = Instant.now().plus(PATIENCE);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(until)) {
				throw new AssertionError("Not within " + PATIENCE);
			}
			Thread.sleep(200);
		}
	}

}
