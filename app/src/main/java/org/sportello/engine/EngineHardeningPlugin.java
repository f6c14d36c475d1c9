package org.sportello.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.sportello.security.Roles;

import org.springframework.stereotype.Component;

/**
 * Engine settings that are not a matter of taste: set in code (and asserted by a test)
 * rather than in a property file where a profile could quietly undo them. See
 * docs/decisions/0004-engine-hardening.md.
 */
@Component
class EngineHardeningPlugin extends AbstractProcessEnginePlugin {

	/** Upper bound of any list query run on behalf of a user (REST, Cockpit). */
	static final int QUERY_MAX_RESULTS = 2000;

	/** Allowed user and group ids. */
	static final String IDENTITY_ID_PATTERN = "[a-zA-Z0-9]+([-_][a-zA-Z0-9]+)*|camunda-admin";

	private DataSource dataSource;

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setAuthorizationEnabled(true);
		// no per-task grants: officials never reach the engine's task APIs (NoTaskGrants)
		configuration.setResourceAuthorizationProvider(new NoTaskGrants());
		// Users reach task and process queries through REST and Cockpit: never evaluate
		// their
		// expressions.
		configuration.setEnableExpressionsInAdhocQueries(false);
		configuration.setEnableExpressionsInStoredQueries(false);
		// Object variables only as JSON of allowed types, never Java serialization.
		configuration.setJavaSerializationFormatEnabled(false);
		configuration.setDeserializationTypeValidationEnabled(true);
		configuration.setEnableXxeProcessing(false);
		configuration.setQueryMaxResultsLimit(QUERY_MAX_RESULTS);
		configuration.setEnforceHistoryTimeToLive(true);
		// Office and user ids such as "comune-aq-bo" or "bo-inps": letters and digits
		// joined by
		// single hyphens or underscores; nothing that could be read as a path or an
		// expression.
		configuration.setUserResourceWhitelistPattern(IDENTITY_ID_PATTERN);
		configuration.setGroupResourceWhitelistPattern(IDENTITY_ID_PATTERN);
		// Camunda locks a user after failed passwords from anywhere, so a stranger could
		// lock
		// any official out; guessing is throttled per user and client address instead
		// (security.LoginThrottle). No delay, no lock-out here.
		configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
		configuration.setLoginDelayBase(0);
		configuration.setLoginDelayFactor(0);
		configuration.setLoginDelayMaxTime(0);
		List<String> adminGroups = new ArrayList<>(List.of(Roles.ADMIN));
		configuration.setAdminGroups(adminGroups);
		// Due SLA timers must not queue behind other jobs.
		configuration.setJobExecutorPreferTimerJobs(true);
		configuration.setJobExecutorAcquireByDueDate(true);
		// forms the task list cannot show and check as designed, and form references to
		// nothing, are refused at deployment (FormDeploymentCheck)
		List<org.camunda.bpm.engine.impl.persistence.deploy.Deployer> preDeployers = new ArrayList<>();
		if (configuration.getCustomPreDeployers() != null) {
			preDeployers.addAll(configuration.getCustomPreDeployers());
		}
		preDeployers.add(new FormDeploymentCheck());
		configuration.setCustomPreDeployers(preDeployers);
		this.dataSource = configuration.getDataSource();
	}

	/**
	 * Acquisition by due date filters and sorts ACT_RU_JOB on (TYPE_, DUEDATE_), which
	 * Camunda does not index. The table belongs to Camunda, so the index is created here,
	 * after Camunda made its schema, and not by our Flyway migrations.
	 */
	@Override
	public void postProcessEngineBuild(ProcessEngine processEngine) {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE INDEX IF NOT EXISTS SPT_IDX_JOB_TYPE_DUE ON ACT_RU_JOB (TYPE_, DUEDATE_)");
		}
		catch (SQLException ex) {
			throw new ProcessEngineException("Could not create the due-date index on ACT_RU_JOB", ex);
		}
	}

}
