package org.sportello.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a real port, demo data, on an in-memory H2. Every test class
 * with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:sportello-h2-test;DB_CLOSE_DELAY=-1",
				// SLA tests run due timers themselves, at the moment they choose
				"camunda.bpm.job-execution.enabled=false", "sportello.sla.scheduled=false",
				// SMS tests dispatch the outbox themselves
				"sportello.sms.scheduled=false",
				// mail tests send the outbox and read the mailboxes themselves
				"sportello.mail.scheduled=false",
				// distribution tests run re-balancing passes themselves
				"sportello.distribution.scheduled=false",
				// the reports tests build their own cases (DemoYearTests checks the demo
				// year)
				"sportello.demo.report-year=false",
				// and bring the warehouse up to date themselves
				"sportello.reporting.scheduled=false",
				// the retention tests run the job themselves (the nightly one would erase
				// other tests' cases at whatever "now" they set)
				"sportello.retention.cron=-",
				// nor Camunda's history cleanup: tests move the clock into its window
				// (01:00-05:00 of a foreign zone), where it would run amid their timers
				"camunda.bpm.generic-properties.properties.historyCleanupEnabled=false" })
@ActiveProfiles("demo")
@ContextConfiguration(initializers = { FakeTwilioInitializer.class, TestMailInitializer.class })
public @interface H2ApplicationTest {

}
