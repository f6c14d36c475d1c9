package org.sportello.sla;

import java.util.List;

import org.sportello.sla.ui.CalendarsView;
import org.sportello.web.NavigationRegistry;

import org.springframework.stereotype.Component;

@Component
class SlaNavigation implements NavigationRegistry.Contribution {

	@Override
	public List<NavigationRegistry.Entry> entries() {
		return List.of(new NavigationRegistry.Entry(CalendarsView.class, "nav.calendars", 950));
	}

}
