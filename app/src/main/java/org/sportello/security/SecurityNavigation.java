package org.sportello.security;

import java.util.List;

import org.sportello.security.ui.SignInAttemptsView;
import org.sportello.web.NavigationRegistry;

import org.springframework.stereotype.Component;

@Component
class SecurityNavigation implements NavigationRegistry.Contribution {

	@Override
	public List<NavigationRegistry.Entry> entries() {
		return List.of(new NavigationRegistry.Entry(SignInAttemptsView.class, "nav.logins", 980));
	}

}
