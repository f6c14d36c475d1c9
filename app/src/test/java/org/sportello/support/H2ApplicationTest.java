package org.sportello.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a real port, demo data, on an in-memory H2. Every test class
 * with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:sportello-h2-test;DB_CLOSE_DELAY=-1",
				// SLA tests run due timers themselves, at the moment they choose
				"camunda.bpm.job-execution.enabled=false" })
@ActiveProfiles("demo")
public @interface H2ApplicationTest {

}
