package org.sportello.engine;

import java.util.List;

import org.sportello.engine.ui.ModelsView;
import org.sportello.web.NavigationRegistry;

import org.springframework.stereotype.Component;

@Component
class EngineNavigation implements NavigationRegistry.Contribution {

	@Override
	public List<NavigationRegistry.Entry> entries() {
		return List.of(new NavigationRegistry.Entry(ModelsView.class, "nav.models", 900));
	}

}
