package org.sportello.exchange;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sportello.cases.Attachments;
import org.sportello.support.MariaDbApplicationTest;
import org.sportello.support.TestClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On MariaDB, two dispatchers (as on two application nodes) drain one exchange outbox of
 * 60 exchanges with 5 messages each to a real HTTP peer that checks every signature and
 * answers 503 to the first attempt at the third message of every seventh exchange: the
 * peer receives each message exactly once, each exchange's messages in order (the fourth
 * and fifth wait for the third), and the refused attempts are retried after the backoff.
 */
@MariaDbApplicationTest
class ExchangeMariaDbTests {

	static final Instant MORNING = Instant.parse("2033-05-10T08:00:00Z");

	@Autowired
	ApplicationContext context;

	@Autowired
	ExchangeDispatcher dispatcher;

	@Autowired
	ExchangeOutbox outbox;

	@Autowired
	ExchangeMapper mapper;

	@Autowired
	ExchangeKeys keys;

	@Autowired
	Peers peers;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	HttpServer server;

	@AfterEach
	void cleanUp() {
		if (this.server != null) {
			this.server.stop(0);
		}
		TestClock.reset();
		this.jdbc.update("DELETE FROM spt_exchange_outbox WHERE peer_id = 'mariadb-peer'");
		this.jdbc.update("DELETE FROM spt_exchange_leg WHERE peer_id = 'mariadb-peer'");
		this.jdbc.update("DELETE FROM spt_exchange_peer WHERE id = 'mariadb-peer'");
	}

	@Test
	void twoNodesDeliverEachMessageOnceAndInOrderPerExchange() throws Exception {
		TestClock.set(MORNING);
		int exchanges = 60;
		int perExchange = 5;
		List<String> exchangeIds = new ArrayList<>();
		for (int e = 0; e < exchanges; e++) {
			exchangeIds.add(UUID.randomUUID().toString());
		}
		// the peer refuses the first attempt at the third message of every seventh
		// exchange: the fourth and fifth must wait for it
		java.util.Set<String> refusing = new java.util.HashSet<>();
		for (int e = 0; e < exchanges; e += 7) {
			refusing.add(exchangeIds.get(e));
		}
		Map<String, List<Integer>> received = new ConcurrentHashMap<>();
		List<String> ids = new CopyOnWriteArrayList<>();
		AtomicInteger refused = new AtomicInteger();
		AtomicInteger badSignatures = new AtomicInteger();
		ObjectMapper json = new ObjectMapper();
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(Executors.newFixedThreadPool(8));
		this.server.createContext(ExchangeApi.MESSAGES, (exchange) -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			Map.Entry<HttpSignatures.Params, byte[]> signature = HttpSignatures.parse(
					exchange.getRequestHeaders().getFirst("Signature-Input"),
					exchange.getRequestHeaders().getFirst("Signature"));
			HttpSignatures.Request request = new HttpSignatures.Request("POST",
					"http://127.0.0.1" + exchange.getRequestURI(),
					(name) -> exchange.getRequestHeaders().getFirst(name));
			if (!HttpSignatures.verify(request, signature.getKey(), signature.getValue(),
					this.keys.current().publicKey())
					|| !HttpSignatures.digestMatches(exchange.getRequestHeaders().getFirst("Content-Digest"), body)) {
				badSignatures.incrementAndGet();
			}
			JsonNode message = json.readTree(body);
			String id = message.path("id").asText();
			int seq = message.path("seq").asInt();
			boolean refuseNow = seq == 3 && refusing.contains(message.path("exchangeId").asText())
					&& !ids.contains("refused:" + id);
			if (refuseNow) {
				ids.add("refused:" + id);
				refused.incrementAndGet();
				respond(exchange, 503);
				return;
			}
			received.computeIfAbsent(message.path("exchangeId").asText(), (k) -> new CopyOnWriteArrayList<>()).add(seq);
			ids.add(id);
			respond(exchange, 202);
		});
		this.server.start();
		this.peers.save(new Peers.PeerForm("mariadb-peer", "Peer on loopback",
				"http://127.0.0.1:" + this.server.getAddress().getPort(), "mariadb-peer-k1",
				this.keys.current().publicKeyText(), null, null, true, List.of()), "test");

		for (int e = 0; e < exchanges; e++) {
			String exchangeId = exchangeIds.get(e);
			ExchangeLeg leg = new ExchangeLeg("mariadb-peer", exchangeId, ExchangeLeg.OUT, "case-" + e, "inps-bo", null,
					null, "OPEN", 1, MORNING, MORNING);
			this.transactions.executeWithoutResult((status) -> {
				this.mapper.insertLeg(leg);
				for (int m = 0; m < perExchange; m++) {
					this.outbox.queue(leg,
							ExchangeOutbox.of(ExchangeMessage.Kind.STATUS, null, "IN_LAVORAZIONE", null));
				}
			});
		}

		ExchangeDispatcher second = new ExchangeDispatcher(this.mapper, this.peers, this.keys,
				this.context.getBean(ExchangeSettings.class), this.context.getBean(Attachments.class),
				this.context.getBean(ObjectMapper.class), this.context.getBean(java.time.Clock.class));
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 40
					&& ids.stream().filter((id) -> !id.startsWith("refused:")).count() < exchanges
							* perExchange; round++) {
				List<Future<Integer>> passes = List.of(nodes.submit(this.dispatcher::dispatchOnce),
						nodes.submit(second::dispatchOnce));
				for (Future<Integer> pass : passes) {
					pass.get();
				}
				if (round % 5 == 4) {
					// the refused ones wait for their backoff: time passes
					TestClock.set(MORNING.plus(Duration.ofMinutes(round)));
				}
			}
		}
		finally {
			nodes.shutdownNow();
		}

		assertThat(badSignatures).hasValue(0);
		assertThat(refused).hasValue(refusing.size());
		assertThat(ids.stream().filter((id) -> !id.startsWith("refused:")).distinct().count())
			.isEqualTo(exchanges * perExchange);
		assertThat(ids.stream().filter((id) -> !id.startsWith("refused:")).count()).isEqualTo(exchanges * perExchange);
		for (String exchangeId : exchangeIds) {
			assertThat(received.get(exchangeId)).as(exchangeId).containsExactly(1, 2, 3, 4, 5);
		}
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM spt_exchange_outbox WHERE peer_id = 'mariadb-peer' AND status <> 'SENT'",
				Integer.class))
			.isZero();
	}

	private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status) throws IOException {
		byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, answer.length);
		exchange.getResponseBody().write(answer);
		exchange.close();
	}

}
