package org.sportello.distribution;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-balances the front offices' queues every
 * {@code sportello.distribution.rebalance-interval} on every node (each move is
 * conditional, so nodes running together move a task once); tests switch it off
 * ({@code sportello.distribution.scheduled=false}) and run passes themselves.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "sportello.distribution.scheduled", havingValue = "true", matchIfMissing = true)
class RebalanceSchedule {

	private final Distribution distribution;

	RebalanceSchedule(Distribution distribution) {
		this.distribution = distribution;
	}

	@Scheduled(fixedDelayString = "${sportello.distribution.rebalance-interval:60s}", initialDelayString = "30s")
	void rebalance() {
		this.distribution.rebalance();
	}

}
