package org.sportello.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a real port, demo data and the {@code mariadb} profile, on the
 * MariaDB of {@link MariaDbTestDatabase}. Every test class with this annotation shares
 * one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		// SMS tests dispatch the outbox themselves
		properties = { "sportello.sms.scheduled=false",
				// exchange tests dispatch the outbox themselves
				"sportello.exchange.scheduled=false",
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
@ActiveProfiles({ "demo", "mariadb" })
@ContextConfiguration(
		initializers = { MariaDbInitializer.class, FakeTwilioInitializer.class, TestMailInitializer.class })
@Tag("mariadb")
public @interface MariaDbApplicationTest {

}
