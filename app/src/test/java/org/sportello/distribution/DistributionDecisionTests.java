package org.sportello.distribution;

import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sportello.support.DmnRuleCoverage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule of {@code decisions/distribution.dmn}: each case names the office's figures
 * and what the table must answer; after all of them a check fails if a rule never
 * matched. The boundaries (5 per operator, 20 minutes) are on both sides.
 */
class DistributionDecisionTests {

	private static DmnRuleCoverage coverage;

	private static DmnDecision decision;

	@BeforeAll
	static void load() {
		coverage = new DmnRuleCoverage("/decisions/distribution.dmn");
		decision = coverage.decision(DistributionDecision.KEY);
	}

	static Stream<Arguments> figures() {
		return Stream.of(
				// missing skill wins over everything, and sets no load limit
				Arguments.of(true, true, 3, 1.0, 0, true, "SKILL", null),
				Arguments.of(true, false, 0, 9.0, 90, true, "SKILL", null),
				// after hours
				Arguments.of(false, false, 2, 1.0, 0, true, "CLOSED", null),
				// open, nobody on duty
				Arguments.of(false, true, 0, 4.0, 3, true, "NO_OPERATOR", null),
				// overload: more than 5 per operator, receivers below 3
				Arguments.of(false, true, 2, 7.0, 3, true, "OVERLOAD", 3.0),
				Arguments.of(false, true, 2, 5.5, 30, true, "OVERLOAD", 3.0),
				// waited too long
				Arguments.of(false, true, 2, 5.0, 21, true, "WAIT", 3.0),
				// at the thresholds: stays
				Arguments.of(false, true, 2, 5.0, 20, false, "HOME", null),
				Arguments.of(false, true, 1, 0.0, 0, false, "HOME", null));
	}

	@ParameterizedTest(name = "skill missing {0}, open {1}, {2} on duty, {3}/operator, {4} min: overflow {5} ({6})")
	@MethodSource("figures")
	void decides(boolean missingSkill, boolean open, int onDuty, double perOperator, int minutes, boolean overflow,
			String reason, Double targetLoadBelow) {
		DmnDecisionRuleResult result = coverage.engine()
			.evaluateDecisionTable(decision,
					Variables.createVariables()
						.putValue("missingSkill", missingSkill)
						.putValue("open", open)
						.putValue("onDuty", onDuty)
						.putValue("waitingPerOperator", perOperator)
						.putValue("oldestWaitMinutes", minutes))
			.getFirstResult();
		assertThat((Boolean) result.get("overflow")).isEqualTo(overflow);
		assertThat((String) result.get("reason")).isEqualTo(reason);
		Object limit = result.get("targetLoadBelow");
		assertThat((limit == null) ? null : ((Number) limit).doubleValue()).isEqualTo(targetLoadBelow);
	}

	@AfterAll
	static void everyRuleMatched() {
		coverage.assertEveryRuleMatched();
	}

}
