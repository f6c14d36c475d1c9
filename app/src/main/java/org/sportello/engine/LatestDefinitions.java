package org.sportello.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.repository.ResourceDefinition;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The latest deployed version of a process or decision, without a query each time: every
 * case asks for three of them (its process and the routing and priority rules it keeps)
 * and each of its office legs for the SLA table, and the engine's "latest version" query
 * was one of the costliest steps of opening a case (issue #19, ADR 0027).
 * <p>
 * A deployment on this node (ours, Camunda Modeler's through the engine REST API,
 * Cockpit's) forgets every answer at once; one made on another node of the cluster is
 * seen within {@link #RECHECK_SECONDS} seconds, when an answer is looked up again.
 */
@Component
public class LatestDefinitions extends AbstractProcessEnginePlugin {

	/** How long an answer holds before it is read again (other nodes' deployments). */
	static final long RECHECK_SECONDS = 5;

	/** A definition's id and version, and when they were read (System.nanoTime). */
	public record Latest(String id, int version, long readAt) {
	}

	private final ObjectProvider<RepositoryService> repository;

	private final Map<String, Latest> processes = new ConcurrentHashMap<>();

	private final Map<String, Latest> decisions = new ConcurrentHashMap<>();

	/** Deployments made on this node ({@link #deploymentsHere}). */
	private final java.util.concurrent.atomic.AtomicLong deployments = new java.util.concurrent.atomic.AtomicLong();

	LatestDefinitions(ObjectProvider<RepositoryService> repository) {
		this.repository = repository;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<Deployer> deployers = (configuration.getCustomPostDeployers() != null)
				? new ArrayList<>(configuration.getCustomPostDeployers()) : new ArrayList<>();
		deployers.add((deployment) -> forget());
		configuration.setCustomPostDeployers(deployers);
	}

	/** The latest version of the process, or null when none is deployed. */
	public Latest process(String key) {
		return latest(this.processes, key,
				(k) -> this.repository.getObject()
					.createProcessDefinitionQuery()
					.processDefinitionKey(k)
					.withoutTenantId()
					.latestVersion()
					.singleResult());
	}

	/** The latest version of the decision, or null when none is deployed. */
	public Latest decision(String key) {
		return latest(this.decisions, key,
				(k) -> this.repository.getObject()
					.createDecisionDefinitionQuery()
					.decisionDefinitionKey(k)
					.withoutTenantId()
					.latestVersion()
					.singleResult());
	}

	/** Forgets every answer: the next look-up reads the database. */
	public void forget() {
		this.processes.clear();
		this.decisions.clear();
		this.deployments.incrementAndGet();
	}

	/**
	 * Counts the deployments made on this node: what is derived from the models (the
	 * steps' names) is derived again when it moves.
	 */
	long deploymentsHere() {
		return this.deployments.get();
	}

	private static Latest latest(Map<String, Latest> known, String key,
			Function<String, ? extends ResourceDefinition> read) {
		Latest latest = known.get(key);
		// monotonic time, not the application's clock: this is about other nodes'
		// deployments, which happen in real time whatever time the engine is told
		if (latest == null || System.nanoTime() - latest.readAt() > TimeUnit.SECONDS.toNanos(RECHECK_SECONDS)) {
			ResourceDefinition definition = read.apply(key);
			latest = (definition != null) ? new Latest(definition.getId(), definition.getVersion(), System.nanoTime())
					: null;
			if (latest != null) {
				known.put(key, latest);
			}
		}
		return latest;
	}

}
