package org.sportello.reporting;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Brings the warehouse up to date: the marked cases' facts every
 * {@code sportello.reporting.facts-interval}, the dirty days' sums every
 * {@code sportello.reporting.aggregate-ms}. Tests that read reports switch it off
 * ({@code sportello.reporting.scheduled=false}) and call {@link DailyFigures#aggregate}
 * when they choose.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "sportello.reporting.scheduled", havingValue = "true", matchIfMissing = true)
class WarehouseSchedule {

	private final CaseFacts facts;

	private final DailyFigures daily;

	WarehouseSchedule(CaseFacts facts, DailyFigures daily) {
		this.facts = facts;
		this.daily = daily;
	}

	@Scheduled(fixedDelayString = "${sportello.reporting.facts-interval:2s}", initialDelayString = "PT5S")
	void refreshFacts() {
		this.facts.refreshMarked();
	}

	@Scheduled(fixedDelayString = "${sportello.reporting.aggregate-ms:10000}", initialDelay = 10000)
	void aggregate() {
		this.daily.aggregate();
	}

}
