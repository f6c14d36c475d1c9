package org.sportello.privacy;

import java.util.List;

import org.sportello.privacy.ui.PrivacyView;
import org.sportello.web.NavigationRegistry;

import org.springframework.stereotype.Component;

@Component
class PrivacyNavigation implements NavigationRegistry.Contribution {

	@Override
	public List<NavigationRegistry.Entry> entries() {
		return List.of(new NavigationRegistry.Entry(PrivacyView.class, "nav.privacy", 985));
	}

}
