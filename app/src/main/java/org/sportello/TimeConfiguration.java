package org.sportello;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application: everything that depends on time (SLA above all) asks
 * this bean. It reads the process engine's clock, so that the engine's timers and our SLA
 * arithmetic always agree on "now", and tests move both together with
 * {@code ClockUtil.setCurrentTime} instead of sleeping. In production the engine's clock
 * is the system clock.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

	@Bean
	Clock clock(@Value("${sportello.time-zone}") String zone) {
		return new EngineClock(ZoneId.of(zone));
	}

	static final class EngineClock extends Clock {

		private final ZoneId zone;

		EngineClock(ZoneId zone) {
			this.zone = zone;
		}

		@Override
		public ZoneId getZone() {
			return this.zone;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return new EngineClock(zone);
		}

		@Override
		public Instant instant() {
			return ClockUtil.getCurrentTime().toInstant();
		}

	}

}
