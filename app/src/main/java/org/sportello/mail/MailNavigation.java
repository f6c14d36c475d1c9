package org.sportello.mail;

import java.util.List;

import org.sportello.mail.ui.EmailOutboxView;
import org.sportello.web.NavigationRegistry;

import org.springframework.stereotype.Component;

@Component
class MailNavigation implements NavigationRegistry.Contribution {

	@Override
	public List<NavigationRegistry.Entry> entries() {
		return List.of(new NavigationRegistry.Entry(EmailOutboxView.class, "nav.email", 961));
	}

}
