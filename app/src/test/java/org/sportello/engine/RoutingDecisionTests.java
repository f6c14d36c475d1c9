package org.sportello.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sportello.support.DmnRuleCoverage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule of {@code decisions/routing.dmn} (routing and priority) is exercised: each
 * case below names the back offices or priority it must give, and after all of them a
 * check fails if any rule never matched.
 */
class RoutingDecisionTests {

	private static DmnRuleCoverage coverage;

	@BeforeAll
	static void loadDecisions() {
		coverage = new DmnRuleCoverage("/decisions/routing.dmn");
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
		List<Object> result = coverage.engine()
			.evaluateDecisionTable(decision("routing"), variables)
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
		assertThat((String) coverage.engine().evaluateDecisionTable(decision("priority"), variables).getSingleEntry())
			.isEqualTo(priority);
	}

	@AfterAll
	static void everyRuleMatchedAtLeastOnce() {
		assertThat(coverage.rules()).hasSize(22);
		coverage.assertEveryRuleMatched();
	}

	private static DmnDecision decision(String key) {
		return coverage.decision(key);
	}

}
