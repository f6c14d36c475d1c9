package org.sportello.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The engine refuses to start when the history level it is given differs from the one its
 * database was created with. Sportello lowered it from {@code full} to {@code activity}
 * (ADR 0027): an installation created before keeps its history and records less from now
 * on, so the stored level is brought down to the configured one before the engine checks
 * it. A new database has no engine tables yet: nothing to change.
 */
@Component
class HistoryLevelChange extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(HistoryLevelChange.class);

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		HistoryLevel configured = configuration.getHistoryLevel();
		if (configured == null) {
			// "auto" or a name resolved later: the engine decides
			return;
		}
		DataSource dataSource = configuration.getDataSource();
		String table = (configuration.getDatabaseTablePrefix() != null) ? configuration.getDatabaseTablePrefix() : "";
		try (Connection connection = dataSource.getConnection();
				PreparedStatement lower = connection.prepareStatement("UPDATE " + table
						+ "ACT_GE_PROPERTY SET VALUE_ = ? WHERE NAME_ = 'historyLevel' AND VALUE_ > ?")) {
			lower.setString(1, Integer.toString(configured.getId()));
			lower.setString(2, Integer.toString(configured.getId()));
			if (lower.executeUpdate() > 0) {
				log.info("Engine history level lowered to {} ({}): the history kept so far stays", configured.getName(),
						configured.getId());
			}
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
		}
		catch (SQLException ex) {
			// no engine tables yet (a new database): the engine creates them at this
			// level
			log.debug("No engine history level to change: {}", ex.getMessage());
		}
	}

}
