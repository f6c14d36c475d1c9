package org.sportello.tasklist;

import java.util.List;

import org.sportello.tasklist.ui.CaseSearchView;
import org.sportello.tasklist.ui.InboxView;
import org.sportello.web.NavigationRegistry;

import org.springframework.stereotype.Component;

@Component
class TasklistNavigation implements NavigationRegistry.Contribution {

	@Override
	public List<NavigationRegistry.Entry> entries() {
		return List.of(new NavigationRegistry.Entry(InboxView.class, "nav.tasks", 100),
				new NavigationRegistry.Entry(CaseSearchView.class, "nav.cases", 110));
	}

}
