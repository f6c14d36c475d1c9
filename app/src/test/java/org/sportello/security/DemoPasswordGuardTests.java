package org.sportello.security;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sportello.SportelloApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Starts the real application twice on one database: once with the demo profile (which
 * creates the demo users), then without it, which must refuse to start. In a JVM of its
 * own: it starts and stops engines named "default".
 */
@Tag("own-jvm")
class DemoPasswordGuardTests {

	private static final String DATABASE = "--spring.datasource.url=jdbc:h2:mem:guard-test;DB_CLOSE_DELAY=-1";

	@Test
	void refusesToStartOutsideDemoWhileDemoPasswordsExist() {
		try (ConfigurableApplicationContext demo = start("demo")) {
			assertThat(demo.getBean(org.camunda.bpm.engine.IdentityService.class).checkPassword("admin", "demo"))
				.isTrue();
		}

		assertThatThrownBy(() -> start("default").close()).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("demo password")
			.hasMessageContaining("admin");
	}

	private static ConfigurableApplicationContext start(String profile) {
		return new SpringApplicationBuilder(SportelloApplication.class).profiles(profile)
			.run(DATABASE, "--server.port=0", "--camunda.bpm.job-execution.enabled=false");
	}

}
