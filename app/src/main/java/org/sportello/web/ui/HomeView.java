package org.sportello.web.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/** The landing page after sign-in. */
@Route("")
@PermitAll
class HomeView extends VerticalLayout implements HasDynamicTitle {

	HomeView(AuthenticationContext authentication) {
		add(new H2(getTranslation("home.welcome", authentication.getPrincipalName().orElse(""))));
		add(new Paragraph(getTranslation("home.intro")));
	}

	@Override
	public String getPageTitle() {
		return getTranslation("home.title");
	}

}
