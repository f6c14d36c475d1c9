package org.sportello.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the application at the test MariaDB before any bean is made. */
public class MariaDbInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		MariaDbTestDatabase.Connection connection = MariaDbTestDatabase.connection();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("sportello-test-mariadb",
					Map.of("spring.datasource.url", connection.url(), "spring.datasource.username", connection.user(),
							"spring.datasource.password", connection.password())));
	}

}
