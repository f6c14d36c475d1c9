package org.sportello.support;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application's SMTP server and mailboxes at the {@link TestMail} server of
 * this JVM.
 */
public class TestMailInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.mail.host", "127.0.0.1");
		properties.put("spring.mail.port", TestMail.smtpPort());
		properties.put("sportello.mail.from", "sportello@sportello.test");
		mailbox(properties, 0, "urp", "EMAIL", TestMail.URP);
		mailbox(properties, 1, "pec", "PEC", TestMail.PEC);
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("sportello-test-mail", properties));
	}

	private static void mailbox(Map<String, Object> properties, int index, String id, String channel, String user) {
		String prefix = "sportello.mail.mailboxes[" + index + "].";
		properties.put(prefix + "id", id);
		properties.put(prefix + "channel", channel);
		properties.put(prefix + "host", "127.0.0.1");
		properties.put(prefix + "port", TestMail.imapPort());
		properties.put(prefix + "ssl", false);
		properties.put(prefix + "username", user);
		properties.put(prefix + "password", TestMail.PASSWORD);
	}

}
