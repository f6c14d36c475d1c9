package org.sportello.exchange;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends the exchange outbox every {@code sportello.exchange.dispatch-interval} on every
 * node, and forgets signature nonces older than twice the acceptance window; tests switch
 * it off ({@code sportello.exchange.scheduled=false}) and dispatch themselves.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "sportello.exchange.scheduled", havingValue = "true", matchIfMissing = true)
class ExchangeSchedule {

	private final ExchangeDispatcher dispatcher;

	private final ExchangeMapper mapper;

	private final ExchangeSettings settings;

	private final Clock clock;

	ExchangeSchedule(ExchangeDispatcher dispatcher, ExchangeMapper mapper, ExchangeSettings settings, Clock clock) {
		this.dispatcher = dispatcher;
		this.mapper = mapper;
		this.settings = settings;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${sportello.exchange.dispatch-interval:5s}")
	void dispatch() {
		while (this.dispatcher.dispatchOnce() > 0) {
			// a full round may mean more are due (the next of each exchange)
		}
	}

	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	@Transactional
	void purgeNonces() {
		this.mapper.purgeNonces(this.clock.instant().minus(this.settings.window().multipliedBy(2)));
	}

}
