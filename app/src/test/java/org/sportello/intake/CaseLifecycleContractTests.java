package org.sportello.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sportello.support.ApiClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole lifecycle of a request through the API and the engine, on each database:
 * open, route to two administrations, joint answers, waiting for the citizen, transfer,
 * closure; the status and the timeline after each step; access refused across
 * administrations.
 */
abstract class CaseLifecycleContractTests {

	static final String CODE_PATTERN = "SPT-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}";

	@LocalServerPort
	int port;

	@Autowired
	TaskService taskService;

	@Autowired
	org.sportello.cases.Cases cases;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactionManager;

	ApiClient api;

	@BeforeEach
	void client() {
		this.api = new ApiClient(this.port);
	}

	@Test
	void requestTravelsThroughJointHandlingWaitingAndTransferToResolution() {
		ApiClient.Response opened = this.api.post("/api/cases", "fo1", request("RECONSTRUCTION_GRANT", "L'Aquila"));
		assertThat(opened.status()).isEqualTo(201);
		String code = opened.json().get("trackingCode").asText();
		assertThat(code).matches(CODE_PATTERN);
		assertThat(opened.json().get("pin").asText()).matches("[0-9]{6}");
		assertThat(opened.json().get("status").asText()).isEqualTo("RICEVUTA");
		assertThat(opened.raw().headers().firstValue("Location")).hasValue("/api/cases/" + code);
		assertThat(status(code)).isEqualTo("RICEVUTA");

		assertThat(this.api.post("/api/cases/" + code + "/forward", "fo1", "{\"note\":\"Serve istruttoria\"}").status())
			.isEqualTo(200);
		JsonNode routed = read(code, "fo1");
		assertThat(routed.get("status").asText()).isEqualTo("IN_LAVORAZIONE");
		assertThat(administrations(routed)).containsExactlyInAnyOrder("COMUNE-AQ:OWNER", "REGIONE-ABRUZZO:JOINT");
		assertThat(routed.get("priority").asText()).isEqualTo("NORMAL");
		// SLA: the case's clock and one per office (front office done, two back offices
		// running)
		assertThat(routed.at("/sla/overall/state").asText()).isEqualTo("ON_TRACK");
		List<String> officeClocks = new ArrayList<>();
		routed.get("sla")
			.get("offices")
			.forEach((office) -> officeClocks.add(office.get("office").asText() + ":" + office.get("state").asText()
					+ ":" + office.get("targetMinutes").asLong()));
		assertThat(officeClocks).containsExactlyInAnyOrder("linea-amica-fo:MET:480", "comune-aq-bo:ON_TRACK:4800",
				"regione-bo:ON_TRACK:4800");

		// officials see only cases of their administration; others get the same 404 as
		// for an unknown code
		assertThat(this.api.get("/api/cases/" + code, "bo-comune").status()).isEqualTo(200);
		assertThat(this.api.get("/api/cases/" + code, "bo-inps").status()).isEqualTo(404);
		assertThat(this.api.get("/api/cases/SPT-2222-2222", "bo-inps").status()).isEqualTo(404);

		work(code, "comune-aq-bo", "bo-comune", Map.of("boOutcome", "ANSWER", "answer", "Pratica istruita"));
		assertThat(status(code)).isEqualTo("IN_LAVORAZIONE");

		work(code, "regione-bo", "bo-regione", Map.of("boOutcome", "REQUEST_INFO", "answer", "Manca la perizia"));
		assertThat(status(code)).isEqualTo("IN_ATTESA_DI_INTEGRAZIONE");
		assertThat(this.api.post("/api/cases/" + code + "/citizen-reply", "fo1", "{\"note\":\"<b>\"}").status())
			.isEqualTo(400);
		assertThat(status(code)).isEqualTo("IN_ATTESA_DI_INTEGRAZIONE");
		ApiClient.Response replied = this.api.post("/api/cases/" + code + "/citizen-reply", "fo1",
				"{\"note\":\"Perizia consegnata allo sportello\"}");
		assertThat(replied.status()).isEqualTo(200);
		assertThat(replied.json().get("status").asText()).isEqualTo("IN_LAVORAZIONE");
		assertThat(this.api.post("/api/cases/" + code + "/citizen-reply", "fo1", "{\"note\":\"di nuovo\"}").status())
			.isEqualTo(409);

		work(code, "regione-bo", "bo-regione",
				Map.of("boOutcome", "TRANSFER", "transferTo", "INPS", "answer", "Riguarda un'indennità INPS"));
		JsonNode transferred = read(code, "fo1");
		assertThat(transferred.get("status").asText()).isEqualTo("IN_LAVORAZIONE");
		assertThat(administrations(transferred)).containsExactlyInAnyOrder("COMUNE-AQ:FORMER", "REGIONE-ABRUZZO:FORMER",
				"INPS:OWNER");
		assertThat(this.api.get("/api/cases/" + code, "bo-regione").status()).isEqualTo(200);
		assertThat(this.api.get("/api/cases/" + code, "bo-inps").status()).isEqualTo(200);

		work(code, "inps-bo", "bo-inps", Map.of("boOutcome", "ANSWER", "answer", "Indennità riconosciuta"));
		JsonNode resolved = read(code, "bo-regione");
		assertThat(resolved.get("status").asText()).isEqualTo("RISOLTA");
		assertThat(citizenStatuses(resolved)).containsExactly("RICEVUTA", "INOLTRATA", "IN_LAVORAZIONE",
				"IN_ATTESA_DI_INTEGRAZIONE", "IN_LAVORAZIONE", "INOLTRATA", "IN_LAVORAZIONE", "RISOLTA");
		assertThat(types(resolved)).contains("OPENED", "ASSIGNED", "TASK_COMPLETED", "TRANSFERRED", "CITIZEN_REPLIED");
		assertThat(actors(resolved)).contains("fo1", "bo-comune", "bo-regione", "bo-inps");

		// the answers are part of the case: every office reads all of them, with who
		// wrote
		// them; the citizen reads those written for the citizen
		// (the front office's forward note too, for the offices only)
		assertThat(answers(resolved)).containsExactly("FORWARD:LINEA-AMICA:fo1:false:Serve istruttoria",
				"ANSWER:COMUNE-AQ:bo-comune:true:Pratica istruita",
				"REQUEST_INFO:REGIONE-ABRUZZO:bo-regione:true:Manca la perizia",
				"TRANSFER:REGIONE-ABRUZZO:bo-regione:false:Riguarda un'indennità INPS",
				"ANSWER:INPS:bo-inps:true:Indennità riconosciuta");
		assertThat(answers(read(code, "bo-comune"))).hasSize(5);
		JsonNode tracked = this.api
			.post("/api/public/track", null,
					"{\"trackingCode\":\"" + code + "\",\"pin\":\"" + opened.json().get("pin").asText() + "\"}")
			.json();
		List<String> citizenAnswers = new ArrayList<>();
		tracked.get("answers")
			.forEach((answer) -> citizenAnswers
				.add(answer.get("administration").asText() + ": " + answer.get("text").asText()));
		assertThat(citizenAnswers).containsExactly("Comune dell'Aquila: Pratica istruita",
				"Regione Abruzzo: Manca la perizia", "INPS: Indennità riconosciuta");
		assertThat(tracked.toString()).doesNotContain("bo-inps").doesNotContain("Riguarda un'indennità");
	}

	@Test
	void frontOfficeResolvesOnTheSpot() {
		String code = this.api.post("/api/cases", "fo-comune", request("CIVIL_REGISTRY_CERTIFICATE", "L'Aquila"))
			.json()
			.get("trackingCode")
			.asText();

		// an outcome class not in the shared list is refused, naming the field; nothing
		// changes
		ApiClient.Response unknown = this.api.post("/api/cases/" + code + "/resolve", "fo-comune",
				"{\"note\":\"Certificato scaricabile dal portale ANPR\",\"outcomeClass\":\"=1+1\"}");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		assertThat(fields(unknown)).containsExactly("outcomeClass");
		assertThat(status(code)).isEqualTo("RICEVUTA");
		assertThat(this.api.get("/api/outcome-classes", "fo-comune").json().findValuesAsText("code"))
			.contains("INFORMATION_GIVEN", "SERVICE_DELIVERED", "NOT_COMPETENT");

		ApiClient.Response resolved = this.api.post("/api/cases/" + code + "/resolve", "fo-comune",
				"{\"note\":\"Certificato scaricabile dal portale ANPR\",\"outcomeClass\":\"SERVICE_DELIVERED\"}");
		assertThat(this.jdbc.queryForObject("SELECT outcome_class FROM spt_case WHERE tracking_code = ?", String.class,
				code))
			.isEqualTo("SERVICE_DELIVERED");

		assertThat(resolved.status()).isEqualTo(200);
		assertThat(resolved.json().get("status").asText()).isEqualTo("RISOLTA");
		// the front office's note is the answer
		assertThat(answers(resolved.json()))
			.containsExactly("FRONT_OFFICE:COMUNE-AQ:fo-comune:true:Certificato scaricabile dal portale ANPR");
		assertThat(this.runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();
		assertThat(
				this.api.post("/api/cases/" + code + "/forward", "fo-comune", "{\"note\":\"troppo tardi\"}").status())
			.isEqualTo(409);
	}

	@Test
	void backOfficeSendsTheCaseBackToTheFrontOfficeOrDeclaresItNotCompetent() {
		String callback = openAndForward("HEALTH_BOOKING", "Sulmona");
		work(callback, "regione-bo", "bo-regione",
				Map.of("boOutcome", "BACK_TO_FRONT_OFFICE", "answer", "Richiamare: prenotazione fatta"));
		Task call = this.taskService.createTaskQuery()
			.processInstanceBusinessKey(callback)
			.taskCandidateGroup("linea-amica-fo")
			.singleResult();
		this.taskService.claim(call.getId(), "fo1");
		this.taskService.complete(call.getId(), Map.of("citizenReached", true, "closureNote", "Cittadino informato"));
		assertThat(status(callback)).isEqualTo("CHIUSA");

		String rejected = openAndForward("PENSION", null);
		work(rejected, "inps-bo", "bo-inps", Map.of("boOutcome", "NOT_COMPETENT", "answer", "Pratica di altro ente"));
		assertThat(status(rejected)).isEqualTo("NON_DI_COMPETENZA");
	}

	@Test
	void highPriorityFromFlagsReachesCaseAndTasks() {
		String body = request("PENSION", null).replace("\"priorityFlags\":[]", "\"priorityFlags\":[\"DISABILITY\"]");
		String code = this.api.post("/api/cases", "fo1", body).json().get("trackingCode").asText();
		this.api.post("/api/cases/" + code + "/forward", "fo1", "{\"note\":\"Cittadino con disabilità\"}");

		assertThat(read(code, "fo1").get("priority").asText()).isEqualTo("HIGH");
		assertThat(this.taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult().getPriority())
			.isEqualTo(75);
	}

	@Test
	void theCitizensNeedsReachTheCase() {
		String body = request("PENSION", null).replace("\"priorityFlags\":[]",
				"\"priorityFlags\":[\"DISABILITY\"],\"needs\":[\"SIGN_LANGUAGE\"]");
		String code = this.api.post("/api/cases", "fo1", body).json().get("trackingCode").asText();
		String caseId = this.jdbc.queryForObject("SELECT id FROM spt_case WHERE tracking_code = ?", String.class, code);
		assertThat(this.cases.needs(caseId)).containsExactlyInAnyOrder(org.sportello.directory.Skill.SIGN_LANGUAGE,
				org.sportello.directory.Skill.DISABILITY_ASSISTANCE);
	}

	@Test
	void badInputIsRefusedFieldByFieldAndNothingIsStored() {
		Integer before = this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_case", Integer.class);

		ApiClient.Response missing = this.api.post("/api/cases", "fo1", "{\"citizen\":{}}");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.contentType()).startsWith("application/problem+json");
		assertThat(fields(missing)).contains("channel", "topic", "description", "citizen.name");

		String invalid = request("PENSION", null).replace("+393331234567", "333-123")
			// twelve ideographic spaces: blank in the Unicode sense, so no description
			.replace("Richiesta di informazioni sulla pratica", "\u3000".repeat(12));
		assertThat(fields(this.api.post("/api/cases", "fo1", invalid))).containsExactly("citizen.phone", "description");

		ApiClient.Response unknownTopic = this.api.post("/api/cases", "fo1", request("NO_SUCH_TOPIC", null));
		assertThat(unknownTopic.status()).isEqualTo(400);
		assertThat(fields(unknownTopic)).containsExactly("topic");

		String tooLong = request("PENSION", null).replace("Richiesta di informazioni sulla pratica",
				"x".repeat(10_000));
		assertThat(fields(this.api.post("/api/cases", "fo1", tooLong))).containsExactly("description");

		ApiClient.Response pigeon = this.api.post("/api/cases", "fo1",
				request("PENSION", null).replace("\"PHONE\"", "\"PIGEON\""));
		assertThat(pigeon.status()).isEqualTo(400);
		assertThat(fields(pigeon)).containsExactly("channel");
		ApiClient.Response klingon = this.api.post("/api/cases", "fo1", request("PENSION", null)
			.replace("\"priorityFlags\":[]", "\"priorityFlags\":[],\"needs\":[\"KLINGON\"]"));
		assertThat(fields(klingon)).containsExactly("needs[0]");
		assertThat(klingon.json().path("errors").get(0).path("message").asText()).contains("SIGN_LANGUAGE");
		assertThat(this.api.post("/api/cases", "fo1", "not json").status()).isEqualTo(400);

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_case", Integer.class)).isEqualTo(before);
	}

	@Test
	void anIdempotencyKeyOpensExactlyOneCase() {
		Integer before = this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_case", Integer.class);
		String key = java.util.UUID.randomUUID().toString();
		ApiClient.Response first = this.api.postWithHeader("/api/cases", "fo1", request("PENSION", null),
				"Idempotency-Key", key);
		ApiClient.Response again = this.api.postWithHeader("/api/cases", "fo1", request("PENSION", null),
				"Idempotency-Key", key);
		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.json().get("trackingCode").asText()).isEqualTo(first.json().get("trackingCode").asText());
		assertThat(again.json().get("pin").asText()).isEqualTo(first.json().get("pin").asText());
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_case", Integer.class)).isEqualTo(before + 1);

		ApiClient.Response otherBody = this.api.postWithHeader("/api/cases", "fo1", request("LOCAL_TAX", null),
				"Idempotency-Key", key);
		assertThat(otherBody.status()).isEqualTo(422);
		assertThat(otherBody.contentType()).startsWith("application/problem+json");
		assertThat(otherBody.json().get("errors").toString()).contains("Idempotency-Key");
		// the key is the user's own: another operator's request with it is another
		// request
		assertThat(this.api.postWithHeader("/api/cases", "fo-comune", request("PENSION", null), "Idempotency-Key", key)
			.json()
			.get("trackingCode")
			.asText()).isNotEqualTo(first.json().get("trackingCode").asText());
		assertThat(fields(this.api.postWithHeader("/api/cases", "fo1", request("PENSION", null), "Idempotency-Key",
				"x".repeat(201))))
			.containsExactly("Idempotency-Key");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_case", Integer.class)).isEqualTo(before + 2);

		// a code as people type it reads the same case
		String code = first.json().get("trackingCode").asText();
		assertThat(this.api.get("/api/cases/" + code.toLowerCase(), "fo1").json().get("trackingCode").asText())
			.isEqualTo(code);
	}

	@Test
	void phoneNumbersAreReadAsPeopleTypeThem() {
		String typed = request("PENSION", null).replace("+393331234567", "333 123 4567");
		String code = this.api.post("/api/cases", "fo1", typed).json().get("trackingCode").asText();
		assertThat(read(code, "fo1").at("/citizen/phone").asText()).isEqualTo("+393331234567");

		// a landline is a valid number, but SMS cannot reach it
		String landline = request("PENSION", null).replace("+393331234567", "0862 41 12 34");
		ApiClient.Response refused = this.api.post("/api/cases", "fo1", landline);
		assertThat(fields(refused)).containsExactly("citizen.phone");
		assertThat(refused.json().get("errors").toString()).contains("cannot receive SMS");
		String noSms = landline.replace("\"smsConsent\":true", "\"smsConsent\":false");
		String landlineCode = this.api.post("/api/cases", "fo1", noSms).json().get("trackingCode").asText();
		assertThat(read(landlineCode, "fo1").at("/citizen/phone").asText()).isEqualTo("+390862411234");

		ApiClient.Response invalid = this.api.post("/api/cases", "fo1",
				request("PENSION", null).replace("+393331234567", "333-12"));
		assertThat(invalid.json().get("errors").toString()).contains("333 1234567");
	}

	@Test
	void tasksCarryNoCamundaGrantsBecauseOfficialsNeverReachTheEnginesTaskApis() {
		String code = this.api.post("/api/cases", "fo1", request("PENSION", null)).json().get("trackingCode").asText();
		List<String> tasks = this.jdbc
			.queryForList("SELECT t.ID_ FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_"
					+ " WHERE e.BUSINESS_KEY_ = ?", String.class, code);
		assertThat(tasks).hasSize(1);
		// resource type 7 is TASK; officials work in Sportello's task list, and the
		// engine's Tasklist and REST API admit designers and administrators only
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_TYPE_ = 7 AND RESOURCE_ID_ = ?",
				Integer.class, tasks.get(0)))
			.isZero();
		// the officials' own API still works the task
		assertThat(this.api
			.post("/api/cases/" + code + "/forward", "fo1", "{\"note\":\"Serve la sede INPS per la pratica\"}")
			.status()).isEqualTo(200);
	}

	@Test
	void apiRequiresAnOperatorOrOfficial() {
		assertThat(this.api.post("/api/cases", null, request("PENSION", null)).status()).isEqualTo(401);
		assertThat(this.api.post("/api/cases", "designer", request("PENSION", null)).status()).isEqualTo(403);
		// a back-office official passes the API's door but may not open cases (the groups
		// come from the request's authentication)
		assertThat(this.api.post("/api/cases", "bo-inps", request("PENSION", null)).status()).isEqualTo(403);
		JsonNode topics = this.api.get("/api/topics", "bo-inps").json();
		assertThat(topics.size()).isGreaterThanOrEqualTo(12);
		assertThat(topics.findValuesAsText("administration")).contains("COMUNE-AQ", "PROVINCIA-AQ", "REGIONE-ABRUZZO",
				"PROTEZIONE-CIVILE", "INPS");
	}

	@Test
	void designerChangesRoutingInModelerNewCasesFollowRunningCasesKeepTheirRules() throws Exception {
		String original;
		try (var in = getClass().getResourceAsStream("/decisions/routing.dmn")) {
			original = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		String otherRule = "<outputEntry id=\"routing_r18_group\"><text>\"linea-amica-bo\"</text>";
		assertThat(original).contains(otherRule);
		String changed = original.replace(otherRule,
				"<outputEntry id=\"routing_r18_group\"><text>\"comune-aq-bo\"</text>");
		String openedBefore = this.api.post("/api/cases", "fo1", request("OTHER", null))
			.json()
			.get("trackingCode")
			.asText();
		try {
			assertThat(deployAsDesigner(changed)).isEqualTo(200);
			String openedAfter = openAndForward("OTHER", null);
			assertThat(this.api.post("/api/cases/" + openedBefore + "/forward", "fo1", "{\"note\":\"Al back office\"}")
				.status()).isEqualTo(200);

			assertThat(candidateGroupOf(openedAfter)).isEqualTo("comune-aq-bo");
			assertThat(candidateGroupOf(openedBefore)).isEqualTo("linea-amica-bo");
		}
		finally {
			// the original rules become the latest version again for the other tests
			assertThat(deployAsDesigner(original)).isEqualTo(200);
		}
	}

	private int deployAsDesigner(String dmn) {
		return deployAsDesigner("routing.dmn", dmn);
	}

	private int deployAsDesigner(String fileName, String content) {
		org.sportello.support.WebSession web = new org.sportello.support.WebSession(this.port);
		return web
			.send(new org.sportello.support.ModelerDeployment(fileName + "-from-modeler").file(fileName, content)
				.request(web, "designer", "demo"))
			.statusCode();
	}

	private String candidateGroupOf(String code) {
		Task task = this.taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
		return this.taskService.getIdentityLinksForTask(task.getId())
			.stream()
			.filter((link) -> link.getGroupId() != null)
			.findFirst()
			.orElseThrow()
			.getGroupId();
	}

	@Test
	void officialsDecideThroughTheApiAndBadDecisionsChangeNothing() {
		String code = openAndForward("PENSION", null);
		String path = "/api/cases/" + code + "/back-office";

		ApiClient.Response foreign = this.api.post(path, "bo-comune",
				"{\"outcome\":\"ANSWER\",\"answer\":\"Risposta\"}");
		assertThat(foreign.status()).as(foreign.raw().body()).isEqualTo(404);
		assertThat(fields(this.api.post(path, "bo-inps",
				"{\"outcome\":\"TRANSFER\",\"answer\":\"Altro ente\",\"transferTo\":\"NOWHERE\"}")))
			.containsExactly("transferTo");
		assertThat(fields(this.api.post(path, "bo-inps",
				"{\"outcome\":\"TRANSFER\",\"answer\":\"Altro ente\",\"transferTo\":\"INPS\"}")))
			.containsExactly("transferTo");
		assertThat(fields(this.api.post(path, "bo-inps", "{\"answer\":\"Senza esito\"}"))).containsExactly("outcome");
		assertThat(fields(this.api.post(path, "bo-inps",
				"{\"outcome\":\"ANSWER\",\"answer\":\"\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0x\"}")))
			.containsExactly("answer");
		assertThat(this.api.post(path, "bo-inps", "{\"outcome\":\"MAYBE\",\"answer\":\"Risposta\"}").status())
			.isEqualTo(400);
		assertThat(administrations(read(code, "fo1"))).containsExactly("INPS:OWNER");

		ApiClient.Response transferred = this.api.post(path, "bo-inps",
				"{\"outcome\":\"TRANSFER\",\"answer\":\"Competenza comunale\",\"transferTo\":\"COMUNE-AQ\"}");
		assertThat(transferred.status()).isEqualTo(200);
		assertThat(administrations(transferred.json())).containsExactlyInAnyOrder("INPS:FORMER", "COMUNE-AQ:OWNER");
		assertThat(this.api.post(path, "bo-inps", "{\"outcome\":\"ANSWER\",\"answer\":\"Ancora io\"}").status())
			.isEqualTo(409);

		ApiClient.Response answered = this.api.post(path, "bo-comune",
				"{\"outcome\":\"ANSWER\",\"answer\":\"Esenzione concessa\"}");
		assertThat(answered.json().get("status").asText()).isEqualTo("RISOLTA");
	}

	@Test
	void theBackOfficeCallTakesTheFormsOwnFieldsAndNamesTheMissingOnes() throws Exception {
		String original;
		try (var in = getClass().getResourceAsStream("/forms/back-office-answer.form")) {
			original = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		// a designer adds a required field to the back office's form in Camunda Modeler
		com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
		com.fasterxml.jackson.databind.node.ObjectNode form = (com.fasterxml.jackson.databind.node.ObjectNode) mapper
			.readTree(original);
		((com.fasterxml.jackson.databind.node.ArrayNode) form.get("components")).addObject()
			.put("type", "textfield")
			.put("key", "protocolNumber")
			.put("label", "Numero di protocollo")
			.put("id", "Field_protocol")
			.putObject("validate")
			.put("required", true);
		String code = openAndForward("PENSION", null);
		String path = "/api/cases/" + code + "/back-office";
		try {
			assertThat(deployAsDesigner("back-office-answer.form", form.toString())).isEqualTo(200);

			String transfer = "{\"outcome\":\"TRANSFER\",\"answer\":\"Competenza comunale\",\"transferTo\":\"COMUNE-AQ\"";
			assertThat(fields(this.api.post(path, "bo-inps", transfer + "}"))).containsExactly("fields.protocolNumber");
			assertThat(fields(this.api.post(path, "bo-inps",
					transfer + ",\"fields\":{\"protocolNumber\":\"P-1\",\"answer\":\"Altro testo\"}}")))
				.containsExactly("fields.answer");
			// a form rule on a parameter names the parameter
			assertThat(fields(this.api.post(path, "bo-inps",
					"{\"outcome\":\"REQUEST_INFO\",\"answer\":\"Servono documenti\",\"documents\":[],"
							+ "\"fields\":{\"protocolNumber\":\"P-1\"}}")))
				.containsExactly("documents");
			assertThat(administrations(read(code, "fo1"))).containsExactly("INPS:OWNER");

			ApiClient.Response transferred = this.api.post(path, "bo-inps", transfer
					+ ",\"fields\":{\"protocolNumber\":\"INPS-2026/0042\",\"transferReason\":\"Residenza nel comune\"}}");
			assertThat(transferred.status()).as(transferred.raw().body()).isEqualTo(200);
			assertThat(administrations(transferred.json())).containsExactlyInAnyOrder("INPS:FORMER", "COMUNE-AQ:OWNER");
			String instance = this.runtimeService.createProcessInstanceQuery()
				.processInstanceBusinessKey(code)
				.singleResult()
				.getId();
			assertThat(this.runtimeService.getVariable(instance, "protocolNumber")).isEqualTo("INPS-2026/0042");
			assertThat(this.runtimeService.getVariable(instance, "transferReason")).isEqualTo("Residenza nel comune");
		}
		finally {
			// the form as shipped becomes the latest version again for the other tests
			assertThat(deployAsDesigner("back-office-answer.form", original)).isEqualTo(200);
		}
	}

	@Test
	void attachmentsArePdfOrImagesWithinTheLimitAndOnlyForThoseWhoMayReadTheCase() {
		String code = openAndForward("PENSION", null);
		byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF"
			.getBytes(java.nio.charset.StandardCharsets.US_ASCII);

		ApiClient.Response stored = this.api.postMultipart("/api/cases/" + code + "/attachments", "bo-inps",
				new org.sportello.support.Multipart().file("file", "../../estratto conto.pdf", "application/pdf", pdf));
		assertThat(stored.status()).as(stored.raw().body()).isEqualTo(201);
		assertThat(stored.json().get("fileName").asText()).isEqualTo("estratto conto.pdf");
		assertThat(stored.json().get("contentType").asText()).isEqualTo("application/pdf");
		ApiClient.Response download = this.api
			.get("/api/cases/" + code + "/attachments/" + stored.json().get("id").asText(), "fo1");
		assertThat(download.raw().body().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo(pdf);

		byte[] executable = "MZ\u0090\u0000 not a pdf".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		ApiClient.Response disguised = this.api.postMultipart("/api/cases/" + code + "/attachments", "bo-inps",
				new org.sportello.support.Multipart().file("file", "modulo.pdf", "application/pdf", executable));
		assertThat(fields(disguised)).containsExactly("file");

		byte[] huge = new byte[(int) org.sportello.cases.Attachments.MAX_BYTES + 1];
		huge[0] = '%';
		ApiClient.Response oversize = this.api.postMultipart("/api/cases/" + code + "/attachments", "bo-inps",
				new org.sportello.support.Multipart().file("file", "grande.pdf", "application/pdf", huge));
		assertThat(fields(oversize)).containsExactly("file");

		ApiClient.Response foreign = this.api.postMultipart("/api/cases/" + code + "/attachments", "bo-comune",
				new org.sportello.support.Multipart().file("file", "x.pdf", "application/pdf", pdf));
		assertThat(foreign.status()).isEqualTo(404);

		JsonNode listed = this.api.get("/api/cases/" + code + "/attachments", "bo-inps").json();
		assertThat(listed.findValuesAsText("fileName")).containsExactly("estratto conto.pdf");
	}

	private String openAndForward(String topic, String municipality) {
		String code = this.api.post("/api/cases", "fo1", request(topic, municipality))
			.json()
			.get("trackingCode")
			.asText();
		assertThat(this.api.post("/api/cases/" + code + "/forward", "fo1", "{\"note\":\"Al back office\"}").status())
			.isEqualTo(200);
		return code;
	}

	/** An official of the office claims and completes its task of the case. */
	void work(String code, String office, String official, Map<String, Object> outcome) {
		Task task = this.taskService.createTaskQuery()
			.processInstanceBusinessKey(code)
			.taskCandidateGroup(office)
			.singleResult();
		assertThat(task).as("task of %s for %s", office, code).isNotNull();
		this.taskService.claim(task.getId(), official);
		this.taskService.complete(task.getId(), outcome);
	}

	/**
	 * The opening's events are written together before its transaction commits: numbered
	 * from 1 in the order they happened, and readable inside that transaction already.
	 */
	@Test
	void theOpeningsEventsAreNumberedInOrderAndReadableInItsOwnTransaction() {
		String code = this.api.post("/api/cases", "fo1", request("PENSION", null)).json().get("trackingCode").asText();
		List<Map<String, Object>> events = this.jdbc
			.queryForList("SELECT e.seq, e.event_type FROM spt_case_event e JOIN spt_case c ON c.id = e.case_id"
					+ " WHERE c.tracking_code = ? ORDER BY e.seq", code);
		assertThat(events).extracting((row) -> ((Number) row.get("seq")).intValue()).containsExactly(1, 2);
		assertThat(events).extracting((row) -> row.get("event_type")).containsExactly("OPENED", "ASSIGNED");
		// the timeline names the step the case was offered for, as the model names it
		assertThat(this.jdbc.queryForObject("SELECT e.detail FROM spt_case_event e JOIN spt_case c ON c.id = e.case_id"
				+ " WHERE c.tracking_code = ? AND e.seq = 2", String.class, code))
			.isEqualTo("Valutazione front office");

		var transactions = new org.springframework.transaction.support.TransactionTemplate(this.transactionManager);
		List<org.sportello.cases.TimelineEvent> inside = transactions.execute((tx) -> {
			var opened = this.cases.open(new org.sportello.cases.NewCase(org.sportello.cases.Channel.COUNTER, "PENSION",
					"Richiesta allo sportello sulla pensione", null,
					new org.sportello.cases.Contact("Luca Verdi", null, null, false, "it"), "fo1", null,
					java.util.Set.of()));
			return this.cases.timelineOf(opened.caseId());
		});
		assertThat(inside).extracting(org.sportello.cases.TimelineEvent::eventType)
			.containsExactly(org.sportello.cases.TimelineEvent.EventType.OPENED);
	}

	static String request(String topic, String municipality) {
		return """
				{"channel":"PHONE","topic":"%s","description":"Richiesta di informazioni sulla pratica",
				 "municipality":%s,
				 "citizen":{"name":"Maria Bianchi","phone":"+393331234567","email":"maria@example.org",
				            "smsConsent":true,"language":"it"},
				 "priorityFlags":[]}
				""".formatted(topic, (municipality == null) ? "null" : "\"" + municipality + "\"");
	}

	private String status(String code) {
		return read(code, "fo1").get("status").asText();
	}

	private JsonNode read(String code, String user) {
		ApiClient.Response response = this.api.get("/api/cases/" + code, user);
		assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
		return response.json();
	}

	private static List<String> administrations(JsonNode view) {
		List<String> result = new ArrayList<>();
		view.get("administrations").forEach((a) -> result.add(a.get("code").asText() + ":" + a.get("role").asText()));
		return result;
	}

	private static List<String> citizenStatuses(JsonNode view) {
		List<String> result = new ArrayList<>();
		view.get("timeline").forEach((event) -> {
			if (event.get("citizenVisible").asBoolean() && !event.get("status").isNull()) {
				result.add(event.get("status").asText());
			}
		});
		return result;
	}

	private static List<String> answers(JsonNode view) {
		List<String> answers = new ArrayList<>();
		view.get("answers")
			.forEach((answer) -> answers.add(answer.get("kind").asText() + ":" + answer.get("administration").asText()
					+ ":" + answer.get("author").asText() + ":" + answer.get("citizenVisible").asBoolean() + ":"
					+ answer.get("text").asText()));
		return answers;
	}

	private static List<String> types(JsonNode view) {
		return view.get("timeline").findValuesAsText("type");
	}

	private static List<String> actors(JsonNode view) {
		return view.get("timeline").findValuesAsText("actor");
	}

	private static List<String> fields(ApiClient.Response response) {
		assertThat(response.status()).as(response.raw().body()).isEqualTo(400);
		return response.json().get("errors").findValuesAsText("field");
	}

}
