package org.sportello;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sportello.engine.DeployedModel;
import org.sportello.engine.ModelCatalog;
import org.sportello.support.ModelerDeployment;
import org.sportello.support.WebSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the foundation promises on every database: the application starts, migrations
 * apply, models are deployed from the folders and from Camunda Modeler, and the engine
 * surfaces are protected. Run on H2 and on MariaDB by the two subclasses.
 */
abstract class ApplicationContractTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Flyway flyway;

	@Autowired
	DataSource dataSource;

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	ModelCatalog modelCatalog;

	@Autowired
	Clock clock;

	WebSession web;

	@BeforeEach
	void newSession() {
		this.web = new WebSession(this.port);
	}

	@Test
	void healthIsUpAndReportsDatabaseAndJobExecutor() {
		HttpResponse<String> health = this.web.get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"db\":{\"status\":\"UP\"}");
		if (jobExecutorRuns()) {
			assertThat(health.body()).contains("\"jobExecutor\":{\"status\":\"UP\"}");
		}
	}

	/**
	 * Whether this application runs the job executor (the H2 tests run due timers
	 * themselves).
	 */
	protected boolean jobExecutorRuns() {
		return true;
	}

	/**
	 * The clock guard is in force: the suite runs on the instant the build chose (see
	 * app/pom.xml), not on the machine's clock, so that no test passes only by day.
	 */
	@Test
	void runsOnTheSuitesShiftedClock() {
		String start = System.getProperty("sportello.clock.start", "");
		Assumptions.assumeFalse(start.isBlank(), "this run uses the machine's clock");
		Instant shifted = ClockShift.parse(start);
		assertThat(this.clock.instant()).isBetween(shifted, shifted.plus(Duration.ofHours(1)));
		assertThat(this.clock.getZone()).isEqualTo(ZoneId.of("Europe/Rome"));
	}

	@Test
	void otherActuatorEndpointsAreNotPublic() {
		assertThat(this.web.get("/actuator/env").statusCode()).isNotEqualTo(200);
		assertThat(this.web.get("/actuator/beans").statusCode()).isNotEqualTo(200);
	}

	@Test
	void flywayMigrationsAppliedAndDemoDirectoryLoaded() {
		assertThat(this.flyway.info().applied()).anySatisfy((migration) -> {
			assertThat(migration.getVersion().getVersion()).isEqualTo("1");
			assertThat(migration.getState().isApplied()).isTrue();
		});
		assertThat(this.flyway.info().pending()).isEmpty();
		// the demo's six (tests of the shared context may have added their own)
		assertThat(this.jdbc.queryForList("SELECT code FROM spt_administration", String.class)).contains("LINEA-AMICA",
				"COMUNE-AQ", "PROVINCIA-AQ", "REGIONE-ABRUZZO", "PROTEZIONE-CIVILE", "INPS");
		assertThat(this.jdbc.queryForObject("SELECT kind FROM spt_office WHERE group_id = 'linea-amica-hub'",
				String.class))
			.isEqualTo("HUB");
	}

	@Test
	void modelsOfTheFoldersAreDeployedAtStart() {
		ProcessDefinition process = this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey("citizenRequest")
			.latestVersion()
			.singleResult();
		assertThat(process).isNotNull();
		assertThat(process.getResourceName()).isEqualTo("processes/citizen-request.bpmn");
		assertThat(this.modelCatalog.models()).anySatisfy((model) -> {
			assertThat(model.kind()).isEqualTo(DeployedModel.Kind.FORM);
			assertThat(model.key()).isEqualTo("triage");
		});
	}

	@Test
	void engineIsHardened() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.processEngine
			.getProcessEngineConfiguration();
		assertThat(configuration.isAuthorizationEnabled()).isTrue();
		assertThat(configuration.isEnableExpressionsInAdhocQueries()).isFalse();
		assertThat(configuration.isEnableExpressionsInStoredQueries()).isFalse();
		assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
		assertThat(configuration.isEnableXxeProcessing()).isFalse();
		assertThat(configuration.getQueryMaxResultsLimit()).isEqualTo(2000);
		assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();
		assertThat(configuration.isJobExecutorPreferTimerJobs()).isTrue();
		assertThat(configuration.getIdGenerator().getClass().getSimpleName()).isEqualTo("StrongUuidGenerator");
	}

	@Test
	void dueTimerIndexExistsOnJobTable() throws SQLException {
		boolean found = false;
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			try (ResultSet indexes = metaData.getIndexInfo(connection.getCatalog(), null, "ACT_RU_JOB", false, false)) {
				while (indexes.next()) {
					found |= "SPT_IDX_JOB_TYPE_DUE".equalsIgnoreCase(indexes.getString("INDEX_NAME"));
				}
			}
		}
		assertThat(found).isTrue();
	}

	@Test
	void engineRestRefusesAnonymousWith401AndJson() {
		HttpResponse<String> response = this.web.get("/engine-rest/deployment?maxResults=1");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> value.startsWith("Basic"));
	}

	@Test
	void engineRestRefusesOfficialsWith403() {
		assertThat(this.web.getWithBasic("/engine-rest/deployment?maxResults=1", "bo-inps", "demo").statusCode())
			.isEqualTo(403);
		assertThat(this.web.getWithBasic("/engine-rest/deployment?maxResults=1", "fo1", "demo").statusCode())
			.isEqualTo(403);
	}

	@Test
	void engineRestRefusesWrongPasswordWith401() {
		// a user no other test signs in with: Camunda delays the next sign-in after a
		// failure
		assertThat(this.web.getWithBasic("/engine-rest/deployment?maxResults=1", "bo-provincia", "not-the-password")
			.statusCode()).isEqualTo(401);
	}

	@Test
	void engineRestServesDesignersAndAdministrators() {
		HttpResponse<String> designer = this.web.getWithBasic("/engine-rest/process-definition?maxResults=50",
				"designer", "demo");
		assertThat(designer.statusCode()).isEqualTo(200);
		assertThat(designer.body()).contains("\"key\":\"citizenRequest\"");
		assertThat(this.web.getWithBasic("/engine-rest/deployment/count", "admin", "demo").statusCode()).isEqualTo(200);
	}

	@Test
	void designerDeploysFromCamundaModeler() {
		String key = "modelerTest" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		ModelerDeployment deployment = new ModelerDeployment("modeler-" + key).file(key + ".bpmn",
				ModelerDeployment.process(key, "Processo di prova"));

		HttpResponse<String> response = this.web.send(deployment.request(this.web, "designer", "demo"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"deployedProcessDefinitions\"").contains(key);
		assertThat(this.repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count())
			.isEqualTo(1);
		// the same request again: duplicate filtering, no new version
		assertThat(this.web.send(deployment.request(this.web, "designer", "demo")).statusCode()).isEqualTo(200);
		assertThat(this.repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count())
			.isEqualTo(1);
	}

	@Test
	void modelerDeploymentOfAFormTheTasklistCannotShowOrOfAMissingFormIsRefusedWholly() {
		String key = "formCheck" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		String pickerForm = """
				{"components":[{"label":"Allegato","type":"filepicker","id":"Field_0upload","key":"attachment"},
				{"label":"Nota","type":"textfield","id":"Field_note","key":"note"}],
				"type":"default","id":"%s-form","exporter":{"name":"Camunda Modeler","version":"5.38.1"},
				"executionPlatform":"Camunda Platform","executionPlatformVersion":"7.24.0","schemaVersion":18}"""
			.formatted(key);
		ModelerDeployment refused = new ModelerDeployment("modeler-" + key)
			.file(key + ".bpmn", ModelerDeployment.processWithForm(key, "nosuchform"))
			.file(key + ".form", pickerForm);

		HttpResponse<String> response = this.web.send(refused.request(this.web, "designer", "demo"));

		// Camunda Modeler shows the message: file, element and reason
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains(key + ".form")
			.contains("Field_0upload")
			.contains("filepicker")
			.contains(key + ".bpmn")
			.contains("reviewTask")
			.contains("nosuchform");
		assertThat(this.repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
		assertThat(this.repositoryService.createDeploymentQuery().deploymentName("modeler-" + key).count()).isZero();

		// a form the viewer shows, deployed with the process, and one deployed before
		String goodForm = pickerForm.replace("\"type\":\"filepicker\"", "\"type\":\"textarea\"");
		ModelerDeployment accepted = new ModelerDeployment("modeler-" + key)
			.file(key + ".bpmn", ModelerDeployment.processWithForm(key, key + "-form"))
			.file(key + ".form", goodForm);
		assertThat(this.web.send(accepted.request(this.web, "designer", "demo")).statusCode()).isEqualTo(200);
		ModelerDeployment reusing = new ModelerDeployment("modeler-" + key + "-b").file(key + "b.bpmn",
				ModelerDeployment.processWithForm(key + "b", "triage"));
		assertThat(this.web.send(reusing.request(this.web, "designer", "demo")).statusCode()).isEqualTo(200);
	}

	@Test
	void modelerDeploymentIsRefusedForOfficialsAndAnonymous() {
		String key = "refused" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		ModelerDeployment deployment = new ModelerDeployment("modeler-" + key).file(key + ".bpmn",
				ModelerDeployment.process(key, "Non autorizzato"));

		assertThat(this.web.send(deployment.request(this.web, "bo-comune", "demo")).statusCode()).isEqualTo(403);
		assertThat(this.web.send(deployment.request(this.web, null, null)).statusCode()).isEqualTo(401);
		assertThat(this.repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
	}

	@Test
	void camundaWebappsSendAnonymousToTheLoginPage() {
		HttpResponse<String> response = this.web.get("/camunda/app/cockpit/default/");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying((l) -> l.endsWith("/login"));
	}

	@Test
	void camundaWebappsRefuseOfficials() {
		assertThat(this.web.login("bo-comune", "demo").headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).doesNotContain("error"));
		assertThat(this.web.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(403);
	}

	@Test
	void camundaWebappsShareTheLoginOfAdministrators() {
		this.web.login("admin", "demo");
		HttpResponse<String> cockpit = this.web.get("/camunda/app/cockpit/default/");
		assertThat(cockpit.statusCode()).isEqualTo(200);
		assertThat(cockpit.body()).containsIgnoringCase("cockpit");
		HttpResponse<String> user = this.web.get("/camunda/api/admin/auth/user/default");
		assertThat(user.body()).contains("\"userId\":\"admin\"").contains("\"cockpit\"").contains("\"admin\"");
	}

	@Test
	void designersReachCockpit() {
		this.web.login("designer", "demo");
		assertThat(this.web.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
		assertThat(this.web.get("/camunda/api/admin/auth/user/default").body()).contains("\"cockpit\"");
	}

	@Test
	void loginFormRejectsWrongPassword() {
		HttpResponse<String> response = this.web.login("bo-provincia", "wrong");
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying((l) -> l.endsWith("/login?error"));
	}

}
