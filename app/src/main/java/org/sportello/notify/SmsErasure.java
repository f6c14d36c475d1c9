package org.sportello.notify;

import org.sportello.cases.PersonalDataErased;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Retention: the SMS numbers and texts and the notifications' details of an erased case.
 */
@Component
class SmsErasure {

	private final SmsMapper sms;

	private final InAppNotificationMapper notifications;

	SmsErasure(SmsMapper sms, InAppNotificationMapper notifications) {
		this.sms = sms;
		this.notifications = notifications;
	}

	@EventListener
	void erased(PersonalDataErased erased) {
		this.sms.blankCase(erased.caseId());
		this.notifications.blankCase(erased.caseId());
	}

}
