package org.sportello.sla;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.sportello.engine.LatestDefinitions;

import org.springframework.stereotype.Component;

/**
 * The targets of {@code decisions/sla.dmn} (decision {@code slaTargets}, latest version:
 * a clock keeps the targets it started with).
 * <p>
 * Every office task asks for them, so a version's answers are remembered: the table is a
 * pure function of topic, priority and office kind, a small set, and an evaluation costs
 * a FEEL run and three history rows where a remembered answer costs nothing (issue #19,
 * ADR 0027). A designer's new table applies at once on the node it was deployed on and
 * within seconds on the others ({@link LatestDefinitions}); its first answer for each
 * input is evaluated, and recorded in the decision history, once.
 */
@Component
class SlaTargets {

	static final String DECISION = "slaTargets";

	private final DecisionService decisions;

	private final LatestDefinitions latest;

	private final Map<Answer, SlaTarget> remembered = new ConcurrentHashMap<>();

	/** One version's answer for one input. */
	private record Answer(String definitionId, String topic, String priority, String officeKind) {
	}

	SlaTargets(DecisionService decisions, LatestDefinitions latest) {
		this.decisions = decisions;
		this.latest = latest;
	}

	SlaTarget targetOf(String topic, String priority, String officeKind) {
		LatestDefinitions.Latest latest = this.latest.decision(DECISION);
		if (latest == null) {
			throw new IllegalStateException("decision " + DECISION + " is not deployed");
		}
		Answer key = new Answer(latest.id(), topic, priority, officeKind);
		SlaTarget known = this.remembered.get(key);
		if (known != null) {
			return known;
		}
		SlaTarget target = evaluate(latest.id(), topic, priority, officeKind);
		if (this.remembered.size() >= 10_000) {
			// topics x priorities x office kinds: only a stream of new versions gets here
			this.remembered.clear();
		}
		this.remembered.put(key, target);
		return target;
	}

	private SlaTarget evaluate(String definitionId, String topic, String priority, String officeKind) {
		DmnDecisionResultEntries result = this.decisions.evaluateDecisionById(definitionId)
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
