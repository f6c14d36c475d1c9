package org.sportello.engine;

import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule of {@code decisions/routing.dmn} (routing and priority) is exercised: each
 * case below names the back offices or priority it must give, and after all of them a
 * check fails if any rule never matched.
 */
class RoutingDecisionTests {

	private static DmnModelInstance model;

	private static DmnEngine dmn;

	private static final Set<String> matchedRules = new HashSet<>();

	@BeforeAll
	static void loadDecisions() throws Exception {
		DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
			.createDefaultDmnEngineConfiguration();
		configuration.customPostDecisionTableEvaluationListeners(List.of(new DmnDecisionTableEvaluationListener() {
			@Override
			public void notify(DmnDecisionTableEvaluationEvent event) {
				event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(matchedRules::add);
			}
		}));
		dmn = configuration.buildEngine();
		try (InputStream in = RoutingDecisionTests.class.getResourceAsStream("/decisions/routing.dmn")) {
			model = Dmn.readModelFromStream(in);
		}
	}

	static Stream<Arguments> routes() {
		return Stream.of(Arguments.of("HOUSING_ASSISTANCE", "L'Aquila", "PHONE", List.of("comune-aq-bo")),
				Arguments.of("HOUSING_ASSISTANCE", "Paganica di Sotto", "PHONE", List.of("regione-bo")),
				Arguments.of("RECONSTRUCTION_GRANT", "L'Aquila", "COUNTER", List.of("comune-aq-bo", "regione-bo")),
				Arguments.of("RECONSTRUCTION_GRANT", "Onna", "EMAIL", List.of("regione-bo")),
				Arguments.of("CIVIL_REGISTRY_CERTIFICATE", "L'Aquila", "WEB_FORM", List.of("comune-aq-anagrafe")),
				Arguments.of("LOCAL_TAX", "L'Aquila", "LETTER", List.of("comune-aq-bo")),
				Arguments.of("GAS_CONNECTION", "L'Aquila", "PHONE", List.of("comune-aq-bo")),
				Arguments.of("SCHOOL_BUILDINGS", "Sulmona", "PEC", List.of("provincia-aq-bo")),
				Arguments.of("PROVINCIAL_ROADS", null, "FAX", List.of("provincia-aq-bo")),
				Arguments.of("HEALTH_BOOKING", "Avezzano", "PHONE", List.of("regione-bo")),
				Arguments.of("SEISMIC_RISK_REPORT", "L'Aquila", "SMS", List.of("pc-bo")),
				Arguments.of("WEATHER_HYDRO_RISK", "Pescara", "PHONE", List.of("pc-bo", "regione-bo")),
				Arguments.of("VOLUNTEERING", "Teramo", "PEC", List.of("pc-bo")),
				Arguments.of("VOLUNTEERING", "Teramo", "EMAIL", List.of("linea-amica-bo")),
				Arguments.of("PENSION", null, "PHONE", List.of("inps-bo")),
				Arguments.of("INCOME_SUPPORT", "L'Aquila", "COUNTER", List.of("inps-bo")),
				Arguments.of("OTHER", null, "EMAIL", List.of("linea-amica-bo")));
	}

	@ParameterizedTest(name = "{0} from {1} by {2} goes to {3}")
	@MethodSource("routes")
	void routesToTheCompetentBackOffices(String topic, String municipality, String channel, List<String> groups) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("topic", topic);
		variables.put("municipality", municipality);
		variables.put("channel", channel);
		List<Object> result = dmn.evaluateDecisionTable(decision("routing"), variables)
			.collectEntries("backOfficeGroup");
		assertThat(result).containsExactlyElementsOf(groups);
	}

	static Stream<Arguments> priorities() {
		return Stream.of(Arguments.of(true, false, "PENSION", "HIGH"),
				Arguments.of(false, false, "SEISMIC_RISK_REPORT", "HIGH"),
				Arguments.of(false, true, "LOCAL_TAX", "HIGH"), Arguments.of(false, false, "LOCAL_TAX", "NORMAL"));
	}

	@ParameterizedTest(name = "urgent={0}, disability={1}, {2}: {3}")
	@MethodSource("priorities")
	void priorityFromFlagsAndTopic(boolean urgent, boolean disability, String topic, String priority) {
		Map<String, Object> variables = Map.of("urgent", urgent, "disability", disability, "topic", topic);
		assertThat((String) dmn.evaluateDecisionTable(decision("priority"), variables).getSingleEntry())
			.isEqualTo(priority);
	}

	@AfterAll
	static void everyRuleMatchedAtLeastOnce() {
		Set<String> rules = new HashSet<>();
		model.getModelElementsByType(Rule.class).forEach((rule) -> rules.add(rule.getId()));
		assertThat(rules).hasSize(22);
		assertThat(matchedRules).containsAll(rules);
	}

	private static DmnDecision decision(String key) {
		return dmn.parseDecision(key, model);
	}

}
