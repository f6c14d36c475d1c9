package org.sportello.sla;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sweeps the SLA clocks every {@code sportello.sla.sweep-interval}; tests that move the
 * clock switch it off ({@code sportello.sla.scheduled=false}) and sweep themselves.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "sportello.sla.scheduled", havingValue = "true", matchIfMissing = true)
class SlaSweepSchedule {

	private final SlaSweep sweep;

	SlaSweepSchedule(SlaSweep sweep) {
		this.sweep = sweep;
	}

	@Scheduled(fixedDelayString = "${sportello.sla.sweep-interval:2s}", initialDelayString = "PT5S")
	void sweep() {
		this.sweep.runDue();
	}

}
