package org.sportello.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A decision file of {@code decisions/} on a DMN engine that notes every rule that
 * matched, so that a test class can check, after all its cases, that none of the file's
 * rules went untested.
 */
public final class DmnRuleCoverage {

	private final Set<String> matched = ConcurrentHashMap.newKeySet();

	private final DmnEngine engine;

	private final DmnModelInstance model;

	public DmnRuleCoverage(String resource) {
		DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
			.createDefaultDmnEngineConfiguration();
		configuration.customPostDecisionTableEvaluationListeners(List.of(new DmnDecisionTableEvaluationListener() {
			@Override
			public void notify(DmnDecisionTableEvaluationEvent event) {
				event.getMatchingRules()
					.stream()
					.map(DmnEvaluatedDecisionRule::getId)
					.forEach(DmnRuleCoverage.this.matched::add);
			}
		}));
		this.engine = configuration.buildEngine();
		try (InputStream in = DmnRuleCoverage.class.getResourceAsStream(resource)) {
			this.model = Dmn.readModelFromStream(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public DmnEngine engine() {
		return this.engine;
	}

	public DmnDecision decision(String key) {
		return this.engine.parseDecision(key, this.model);
	}

	/** The ids of every rule of the file. */
	public Set<String> rules() {
		Set<String> rules = new HashSet<>();
		this.model.getModelElementsByType(Rule.class).forEach((rule) -> rules.add(rule.getId()));
		return rules;
	}

	/** Fails naming the rules no evaluation matched. */
	public void assertEveryRuleMatched() {
		assertThat(this.matched).as("rules that no test case reached").containsAll(rules());
	}

}
