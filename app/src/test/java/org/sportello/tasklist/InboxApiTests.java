package org.sportello.tasklist;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sportello.support.ApiClient;
import org.sportello.support.H2ApplicationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/inbox}: the caller's inbox page, and bad parameters named. */
@H2ApplicationTest
class InboxApiTests {

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void client() {
		this.api = new ApiClient(this.port);
	}

	@Test
	void aCaseJustOpenedIsInTheFrontOfficesInboxPage() {
		String code = this.api.post("/api/cases", "fo1", """
				{"channel": "PHONE", "topic": "PENSION", "municipality": "L'Aquila",
				 "description": "Domanda sulla pensione", "citizen": {"name": "Lucia Neri", "smsConsent": false}}""")
			.json()
			.path("trackingCode")
			.asText();

		ApiClient.Response all = this.api.get("/api/inbox?tab=OFFICES&size=100", "fo1");
		assertThat(all.status()).isEqualTo(200);
		assertThat(all.json().path("size").asInt()).isEqualTo(100);
		assertThat(all.json().path("total").asInt()).isPositive();
		ApiClient.Response page = this.api.get("/api/inbox?tab=OFFICES&text=" + code, "fo1");
		assertThat(page.json().path("total").asInt()).isEqualTo(1);
		assertThat(page.json().path("items").findValuesAsText("trackingCode")).containsExactly(code);
		JsonNode item = null;
		for (JsonNode candidate : page.json().path("items")) {
			item = code.equals(candidate.path("trackingCode").asText()) ? candidate : item;
		}
		// the office's SLA on the case, read for the whole page at once
		assertThat(item.path("sla").asText()).isIn("ON_TRACK", "AT_RISK", "BREACHED");
		assertThat(item.path("slaLeft").isNull()).isFalse();
		assertThat(item.path("citizenName").asText()).isEqualTo("Lucia Neri");

		// the INPS back office does not see the front office's triage
		JsonNode other = this.api.get("/api/inbox?tab=OFFICES&text=" + code, "bo-inps").json();
		assertThat(other.path("total").asInt()).isZero();
	}

	@Test
	void badParametersAreNamedAndAnonymousCallersAreAskedToSignIn() {
		assertThat(this.api.get("/api/inbox?size=500", "fo1").json().path("errors").get(0).path("field").asText())
			.isEqualTo("size");
		ApiClient.Response tab = this.api.get("/api/inbox?tab=EVERYTHING", "fo1");
		assertThat(tab.status()).isEqualTo(400);
		assertThat(tab.contentType()).startsWith("application/problem+json");
		assertThat(tab.json().path("errors").get(0).path("field").asText()).isEqualTo("tab");
		assertThat(tab.json().path("errors").get(0).path("message").asText()).contains("MINE, OFFICES");
		assertThat(this.api.get("/api/inbox?page=-1", "fo1").status()).isEqualTo(400);
		assertThat(this.api.get("/api/inbox?page=x", "fo1").status()).isEqualTo(400);
		assertThat(this.api.get("/api/inbox", null).status()).isEqualTo(401);
	}

}
