package org.sportello;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application: everything that depends on time (SLA above all) asks
 * this bean, so that tests can move time instead of sleeping.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

	@Bean
	Clock clock(@Value("${sportello.time-zone}") String zone) {
		return Clock.system(ZoneId.of(zone));
	}

}
