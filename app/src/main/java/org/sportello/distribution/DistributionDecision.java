package org.sportello.distribution;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Evaluates {@code decisions/distribution.dmn} (decision {@code distribution}, the latest
 * deployed version, looked up again every 30 seconds) with a DMN engine of its own: it
 * runs for every front-office task and every re-balancing pass, so it writes no decision
 * history and costs no query once parsed.
 */
@Component
class DistributionDecision {

	static final String KEY = "distribution";

	private static final Duration RECHECK = Duration.ofSeconds(30);

	/** The figures of one office as the decision reads them. */
	record Input(boolean missingSkill, boolean open, int onDuty, double waitingPerOperator, long oldestWaitMinutes) {
	}

	/**
	 * @param targetLoadBelow the receiving office must have fewer waiting tasks per
	 * operator than this with the task; null: any load
	 */
	record Outcome(boolean overflow, String reason, Double targetLoadBelow) {
	}

	/**
	 * A deployed version, parsed, with the outcomes it gave: the table is a pure function
	 * of its inputs, which repeat (small counts and ratios), and an evaluation through
	 * the FEEL engine costs about 0.6 ms where a remembered one costs nothing.
	 */
	private record Parsed(String definitionId, DmnDecision decision, Instant recheckAfter,
			Map<Input, Outcome> outcomes) {
	}

	private static final int REMEMBERED = 10_000;

	private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	private final ObjectProvider<ProcessEngineConfigurationImpl> engine;

	private final Clock clock;

	private volatile Parsed parsed;

	DistributionDecision(ObjectProvider<ProcessEngineConfigurationImpl> engine, Clock clock) {
		this.engine = engine;
		this.clock = clock;
	}

	Outcome evaluate(Input input) {
		Parsed parsed = parsed();
		Outcome known = parsed.outcomes().get(input);
		if (known != null) {
			return known;
		}
		Outcome outcome = evaluate(parsed.decision(), input);
		if (parsed.outcomes().size() >= REMEMBERED) {
			parsed.outcomes().clear();
		}
		parsed.outcomes().put(input, outcome);
		return outcome;
	}

	private Outcome evaluate(DmnDecision decision, Input input) {
		DmnDecisionRuleResult result = this.dmn
			.evaluateDecisionTable(decision,
					Variables.createVariables()
						.putValue("missingSkill", input.missingSkill())
						.putValue("open", input.open())
						.putValue("onDuty", input.onDuty())
						.putValue("waitingPerOperator", input.waitingPerOperator())
						.putValue("oldestWaitMinutes", input.oldestWaitMinutes()))
			.getFirstResult();
		if (result == null) {
			// a table without a catch-all row: keep the task where it is
			return new Outcome(false, "HOME", null);
		}
		Object overflow = result.get("overflow");
		Object limit = result.get("targetLoadBelow");
		Object reason = result.get("reason");
		return new Outcome(Boolean.TRUE.equals(overflow), (reason != null) ? reason.toString() : "HOME",
				(limit instanceof Number number) ? number.doubleValue() : null);
	}

	private Parsed parsed() {
		Instant now = this.clock.instant();
		Parsed current = this.parsed;
		if (current != null && now.isBefore(current.recheckAfter())
				&& !now.isBefore(current.recheckAfter().minus(RECHECK))) {
			return current;
		}
		ProcessEngineConfigurationImpl configuration = this.engine.getObject();
		Parsed fresh = configuration.getCommandExecutorTxRequired()
			.execute((context) -> context.runWithoutAuthorization(() -> {
				DecisionDefinitionEntity latest = context.getDecisionDefinitionManager()
					.findLatestDecisionDefinitionByKey(KEY);
				if (latest == null) {
					throw new IllegalStateException("decision " + KEY + " is not deployed");
				}
				if (current != null && current.definitionId().equals(latest.getId())) {
					return new Parsed(current.definitionId(), current.decision(), now.plus(RECHECK),
							current.outcomes());
				}
				ResourceEntity resource = context.getResourceManager()
					.findResourceByDeploymentIdAndResourceName(latest.getDeploymentId(), latest.getResourceName());
				DmnDecision decision = this.dmn.parseDecision(KEY, new ByteArrayInputStream(resource.getBytes()));
				return new Parsed(latest.getId(), decision, now.plus(RECHECK),
						new java.util.concurrent.ConcurrentHashMap<>());
			}));
		this.parsed = fresh;
		return fresh;
	}

}
