package org.sportello.cases;

import java.util.List;

import org.sportello.cases.ui.ClassificationView;
import org.sportello.web.NavigationRegistry;

import org.springframework.stereotype.Component;

@Component
class CasesNavigation implements NavigationRegistry.Contribution {

	@Override
	public List<NavigationRegistry.Entry> entries() {
		return List.of(new NavigationRegistry.Entry(ClassificationView.class, "nav.classification", 940));
	}

}
