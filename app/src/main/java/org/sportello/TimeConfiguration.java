package org.sportello;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application: everything that depends on time (SLA above all) asks
 * this bean. It reads the process engine's clock, so that the engine's timers and our SLA
 * arithmetic always agree on "now", and tests move both together with
 * {@code ClockUtil.setCurrentTime} instead of sleeping. In production the engine's clock
 * is the system clock, unless {@code sportello.clock.start} shifts it
 * ({@link ClockShift}).
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

	private static final Logger log = LoggerFactory.getLogger(TimeConfiguration.class);

	@Bean
	Clock clock(@Value("${sportello.time-zone}") String zone) {
		return new EngineClock(ZoneId.of(zone));
	}

	/**
	 * Applies {@code sportello.clock.start} before the engine is built, so that its first
	 * job acquisition already sees the shifted time.
	 */
	@Bean
	AbstractProcessEnginePlugin clockShiftPlugin(@Value("${sportello.clock.start:}") String start) {
		return new AbstractProcessEnginePlugin() {
			@Override
			public void preInit(ProcessEngineConfigurationImpl configuration) {
				if (start.isBlank()) {
					return;
				}
				long offset = ClockShift.startAt(ClockShift.parse(start), Clock.systemUTC());
				log.warn("The application clock is shifted by {} from the system clock: it now reads {}",
						Duration.ofMillis(offset), ClockUtil.getCurrentTime().toInstant());
			}
		};
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
