package org.sportello.intake;

import java.util.List;

import org.sportello.intake.ui.NewCaseView;
import org.sportello.web.NavigationRegistry;

import org.springframework.stereotype.Component;

@Component
class IntakeNavigation implements NavigationRegistry.Contribution {

	@Override
	public List<NavigationRegistry.Entry> entries() {
		return List.of(new NavigationRegistry.Entry(NewCaseView.class, "nav.new-case", 100));
	}

}
