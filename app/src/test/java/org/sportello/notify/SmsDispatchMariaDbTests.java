package org.sportello.notify;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sportello.support.FakeTwilio;
import org.sportello.support.MariaDbApplicationTest;
import org.sportello.support.TestClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On MariaDB, two dispatchers (as on two application nodes) drain 5,000 queued SMS at the
 * same time: Twilio receives each exactly once.
 */
@MariaDbApplicationTest
class SmsDispatchMariaDbTests {

	private static final Logger log = LoggerFactory.getLogger(SmsDispatchMariaDbTests.class);

	@Autowired
	SmsDispatcher dispatcher;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void twoDispatchersSendEachOfFiveThousandMessagesOnce() throws Exception {
		FakeTwilio.shared().reset();
		try {
			// a clock with a fraction of a second, as a real one: MariaDB's TIMESTAMP
			// keeps
			// whole seconds, and a claim must still find its own messages
			TestClock.set(SmsLifecycleTests.MORNING.plusMillis(537));
			SmsPeak peak = new SmsPeak(this.jdbc);
			peak.queue(5000, SmsLifecycleTests.MORNING);
			Duration took = peak.drain(List.of(this.dispatcher, secondNode(this.context)));
			log.info("5000 SMS sent by two dispatchers in {} ms", took.toMillis());
			peak.assertSentOnce(5000);
		}
		finally {
			TestClock.reset();
		}
	}

	/** Another node's dispatcher: the same beans, its own node id and sender threads. */
	static SmsDispatcher secondNode(ApplicationContext context) {
		return new SmsDispatcher(context.getBean(SmsMapper.class), context.getBean(SmsOutbox.class),
				context.getBean(TwilioSmsGateway.class), context.getBean(TwilioSettings.class),
				context.getBean(SmsSettings.class), context.getBean(org.sportello.cases.Cases.class),
				context.getBean(java.time.Clock.class),
				context.getBean(org.springframework.transaction.support.TransactionTemplate.class),
				context.getEnvironment().getProperty("sportello.public-url"));
	}

}
