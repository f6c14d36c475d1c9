package org.sportello.notify;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the dispatcher every {@code sportello.sms.dispatch-interval}; tests switch it off
 * ({@code sportello.sms.scheduled=false}) and dispatch themselves.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "sportello.sms.scheduled", havingValue = "true", matchIfMissing = true)
class SmsDispatchSchedule {

	private final SmsDispatcher dispatcher;

	SmsDispatchSchedule(SmsDispatcher dispatcher) {
		this.dispatcher = dispatcher;
	}

	@Scheduled(fixedDelayString = "${sportello.sms.dispatch-interval}")
	void dispatch() {
		while (this.dispatcher.dispatchOnce() > 0) {
			// a full batch may mean more are due
		}
	}

}
