package org.sportello.exchange;

import java.util.List;

import org.sportello.exchange.ui.ExchangeView;
import org.sportello.web.NavigationRegistry;

import org.springframework.stereotype.Component;

@Component
class ExchangeNavigation implements NavigationRegistry.Contribution {

	@Override
	public List<NavigationRegistry.Entry> entries() {
		return List.of(new NavigationRegistry.Entry(ExchangeView.class, "nav.exchange", 962));
	}

}
