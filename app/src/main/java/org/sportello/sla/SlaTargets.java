package org.sportello.sla;

import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.stereotype.Component;

/**
 * The targets of {@code decisions/sla.dmn} (decision {@code slaTargets}, latest version:
 * a clock keeps the targets it started with).
 */
@Component
class SlaTargets {

	static final String DECISION = "slaTargets";

	private final DecisionService decisions;

	SlaTargets(DecisionService decisions) {
		this.decisions = decisions;
	}

	SlaTarget targetOf(String topic, String priority, String officeKind) {
		DmnDecisionResultEntries result = this.decisions.evaluateDecisionByKey(DECISION)
			.variables(Variables.fromMap(Map.of("topic", topic, "priority", priority, "officeKind", officeKind)))
			.evaluate()
			.getFirstResult();
		if (result == null) {
			throw new IllegalStateException(
					"No SLA target for topic " + topic + ", priority " + priority + ", office kind " + officeKind);
		}
		return new SlaTarget(Duration.parse(result.getEntry("responseTarget")),
				Duration.parse(result.getEntry("resolutionTarget")),
				((Number) result.getEntry("warningThreshold")).doubleValue(),
				Duration.parse(result.getEntry("level2After")));
	}

}
