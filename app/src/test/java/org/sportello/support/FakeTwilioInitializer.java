package org.sportello.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application's Twilio settings at the {@link FakeTwilio} of this JVM (test
 * credentials, {@code SPORTELLO_TWILIO_API_BASE}), with a fixed public URL for webhook
 * signatures.
 */
public class FakeTwilioInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final String PUBLIC_URL = "https://sportello.example.org";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		FakeTwilio twilio = FakeTwilio.shared();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("sportello-test-twilio",
					Map.of("sportello.twilio.account-sid", FakeTwilio.ACCOUNT_SID, "sportello.twilio.auth-token",
							FakeTwilio.AUTH_TOKEN, "sportello.twilio.from", FakeTwilio.FROM,
							"sportello.twilio.api-base", twilio.baseUrl(), "sportello.public-url", PUBLIC_URL)));
	}

}
