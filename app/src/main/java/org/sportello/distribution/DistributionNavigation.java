package org.sportello.distribution;

import java.util.List;

import org.sportello.distribution.ui.NetworkView;
import org.sportello.web.NavigationRegistry;

import org.springframework.stereotype.Component;

@Component
class DistributionNavigation implements NavigationRegistry.Contribution {

	@Override
	public List<NavigationRegistry.Entry> entries() {
		return List.of(new NavigationRegistry.Entry(NetworkView.class, "nav.network", 150));
	}

}
