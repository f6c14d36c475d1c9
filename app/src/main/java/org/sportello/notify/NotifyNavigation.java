package org.sportello.notify;

import java.util.List;

import org.sportello.notify.ui.NotificationsView;
import org.sportello.notify.ui.SmsOutboxView;
import org.sportello.web.NavigationRegistry;

import org.springframework.stereotype.Component;

@Component
class NotifyNavigation implements NavigationRegistry.Contribution {

	@Override
	public List<NavigationRegistry.Entry> entries() {
		return List.of(new NavigationRegistry.Entry(NotificationsView.class, "nav.notifications", 200),
				new NavigationRegistry.Entry(SmsOutboxView.class, "nav.sms", 960));
	}

}
