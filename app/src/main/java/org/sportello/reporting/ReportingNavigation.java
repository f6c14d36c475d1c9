package org.sportello.reporting;

import java.util.List;

import org.sportello.reporting.ui.ReportsView;
import org.sportello.web.NavigationRegistry;

import org.springframework.stereotype.Component;

@Component
class ReportingNavigation implements NavigationRegistry.Contribution {

	@Override
	public List<NavigationRegistry.Entry> entries() {
		return List.of(new NavigationRegistry.Entry(ReportsView.class, "nav.reports", 450));
	}

}
