package org.sportello.knowledge;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sportello.support.ApiClient;
import org.sportello.support.H2ApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administration keeps its articles in step with its own knowledge base: export as
 * JSON and CSV, re-import updates rather than duplicates, refused rows are reported with
 * the reason and lose nothing of the others; only supervisors of the owner and
 * administrators.
 */
@H2ApplicationTest
class KnowledgeTransferTests {

	@LocalServerPort
	int port;

	@Autowired
	KnowledgeBase knowledge;

	ApiClient api;

	@BeforeEach
	void client() {
		this.api = new ApiClient(this.port);
	}

	@Test
	void exportAndImportRoundTripAndRefusedRowsAreReported() {
		assertThat(this.api.get("/api/kb/articles", "bo-inps").status()).isEqualTo(403);
		assertThat(this.api.get("/api/kb/articles?administration=INPS", "supervisor1").status()).isEqualTo(403);

		// a supervisor of Linea Amica exports Linea Amica's articles
		JsonNode mine = this.api.get("/api/kb/articles", "supervisor1").json();
		List<String> slugs = mine.findValuesAsText("slug");
		assertThat(slugs).contains("pec-come-attivare", "spid-come-ottenerlo")
			.doesNotContain("pensione-pagamento-data");
		assertThat(mine.findValuesAsText("administration")).containsOnly("LINEA-AMICA");

		// CSV round trip: the same file again changes nothing
		ApiClient.Response csv = this.api.getAs("/api/kb/articles?administration=INPS&format=csv", "admin", "text/csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.raw().body()).startsWith("slug,administration,topic,audience,language,status,question,answer");
		JsonNode again = this.api.postAs("/api/kb/articles/import", "admin", "text/csv", csv.raw().body()).json();
		assertThat(again.get("created").asInt()).isZero();
		assertThat(again.get("updated").asInt()).isZero();
		assertThat(again.get("unchanged").asInt()).isGreaterThanOrEqualTo(7);
		assertThat(again.get("refused")).isEmpty();

		// changed, new and wrong rows in one JSON file
		String pec = this.knowledge.bySlug("pec-come-attivare").orElseThrow().id();
		int versionsBefore = this.knowledge.versions(pec);
		String rows = """
				[{"slug":"pec-come-attivare","administration":"LINEA-AMICA","topic":"OTHER","audience":"PUBLIC",
				  "language":"it","status":"PUBLISHED","question":"Come si attiva una casella PEC e a cosa serve?",
				  "answer":"La PEC vale come una raccomandata con ricevuta di ritorno: attivala presso un gestore accreditato AgID, anche per il domicilio digitale quisquilioso."},
				 {"slug":"orari-linea-amica","administration":"LINEA-AMICA","audience":"PUBLIC","status":"PUBLISHED",
				  "question":"Quali sono gli orari di Linea Amica?","answer":"Dal lunedì al venerdì dalle 9 alle 18."},
				 {"slug":"pensione-pagamento-data","administration":"INPS","audience":"PUBLIC","question":"Rubata?","answer":"Non mia"},
				 {"slug":"orari-bis","administration":"LINEA-AMICA","audience":"EVERYONE","question":"Orari?","answer":"Sempre aperti"},
				 {"slug":"scadenza","administration":"LINEA-AMICA","audience":"PUBLIC","question":"Quando scade?","answer":"Mai, davvero","validUntil":"31/12/2026"},
				 {"slug":"Slug Con Spazi!","administration":"LINEA-AMICA","question":"Domanda?","answer":"Risposta lunga"},
				 {"slug":"senza-domanda","administration":"LINEA-AMICA","question":"   ","answer":"Risposta lunga"},
				 {"slug":"tema-ignoto","administration":"LINEA-AMICA","topic":"NOPE","question":"Domanda valida?","answer":"Risposta lunga"}]""";
		JsonNode outcome = this.api.post("/api/kb/articles/import", "supervisor1", rows).json();
		assertThat(outcome.get("created").asInt()).as(outcome.toString()).isEqualTo(1);
		assertThat(outcome.get("updated").asInt()).isEqualTo(1);
		List<String> refused = new ArrayList<>();
		outcome.get("refused").forEach((row) -> refused.add(row.get("row").asInt() + ":" + row.get("field").asText()));
		assertThat(refused).containsExactly("3:administration", "4:audience", "5:validUntil", "6:slug", "7:question",
				"8:topic");

		assertThat(this.knowledge.versions(pec)).isEqualTo(versionsBefore + 1);
		assertThat(this.knowledge.suggestions("domicilio digitale quisquilioso")).extracting((f) -> f.article().slug())
			.first()
			.isEqualTo("pec-come-attivare");
		assertThat(this.knowledge.publicArticle("orari-linea-amica")).isPresent();
		assertThat(this.knowledge.bySlug("pensione-pagamento-data").orElseThrow().question())
			.isEqualTo("In che giorno viene pagata la pensione?");

		ApiClient.Response broken = this.api.postAs("/api/kb/articles/import", "admin", "text/csv",
				"slug,administration\n\"unterminated,INPS\n");
		assertThat(broken.status()).isEqualTo(400);
		assertThat(broken.json().get("errors").findValuesAsText("field")).containsExactly("file");
	}

}
