package org.sportello.support;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MariaDBContainer;

/**
 * The MariaDB the tests run on, decided before Spring starts:
 * <ol>
 * <li>the server named by {@code SPORTELLO_TEST_MARIADB_URL} (environment variable or
 * system property), with {@code SPORTELLO_TEST_MARIADB_USER} and
 * {@code SPORTELLO_TEST_MARIADB_PASSWORD} (default root, empty);</li>
 * <li>else a Testcontainers {@link MariaDBContainer} where a Docker engine answers;</li>
 * <li>else a failure that says how to provide one: MariaDB tests never pass
 * silently.</li>
 * </ol>
 */
public final class MariaDbTestDatabase {

	public static final String URL_VARIABLE = "SPORTELLO_TEST_MARIADB_URL";

	private static Connection connection;

	private MariaDbTestDatabase() {
	}

	/**
	 * Where to connect; starts the container on first use when there is no server given.
	 */
	public static synchronized Connection connection() {
		if (connection == null) {
			connection = resolve();
		}
		return connection;
	}

	private static Connection resolve() {
		String url = setting(URL_VARIABLE, null);
		if (url != null && !url.isBlank()) {
			return new Connection(withCamundaParameters(url), setting("SPORTELLO_TEST_MARIADB_USER", "root"),
					setting("SPORTELLO_TEST_MARIADB_PASSWORD", ""));
		}
		if (DockerClientFactory.instance().isDockerAvailable()) {
			MariaDBContainer<?> container = new MariaDBContainer<>("mariadb:10.11");
			container.start();
			return new Connection(withCamundaParameters(container.getJdbcUrl()), container.getUsername(),
					container.getPassword());
		}
		throw new IllegalStateException("The MariaDB tests need a MariaDB server and none is available: no Docker "
				+ "engine for Testcontainers and no " + URL_VARIABLE + ". Create an empty database and set, for "
				+ "example, " + URL_VARIABLE + "=jdbc:mariadb://127.0.0.1:3306/sportello_test (user root, empty "
				+ "password; SPORTELLO_TEST_MARIADB_USER/PASSWORD change them). .ci/run does this for you.");
	}

	/**
	 * Camunda needs to see only the current database's tables (see STACK.md / ADR 0003).
	 */
	static String withCamundaParameters(String url) {
		if (url.contains("nullDatabaseMeansCurrent")) {
			return url;
		}
		return url + (url.contains("?") ? "&" : "?") + "nullDatabaseMeansCurrent=true";
	}

	private static String setting(String name, String fallback) {
		String value = System.getProperty(name);
		if (value == null) {
			value = System.getenv(name);
		}
		return (value != null) ? value : fallback;
	}

	/** A JDBC URL with its credentials. */
	public record Connection(String url, String user, String password) {
	}

}
