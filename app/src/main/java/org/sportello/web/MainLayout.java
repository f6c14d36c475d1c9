package org.sportello.web;

import java.util.Locale;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;

/**
 * The shell of every signed-in view: title, navigation to the views the user may open,
 * language and sign-out.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout {

	private final transient AuthenticationContext authentication;

	private final transient AccessAnnotationChecker accessChecker;

	private final transient NavigationRegistry navigation;

	public MainLayout(AuthenticationContext authentication, AccessAnnotationChecker accessChecker,
			NavigationRegistry navigation) {
		this.authentication = authentication;
		this.accessChecker = accessChecker;
		this.navigation = navigation;
		setPrimarySection(Section.DRAWER);
		H1 title = new H1(getTranslation("app.title"));
		title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
		DrawerToggle toggle = new DrawerToggle();
		toggle.setId("menu-toggle");
		toggle.setAriaLabel(getTranslation("nav.menu"));
		HorizontalLayout header = new HorizontalLayout(toggle, title, userArea());
		header.setWidthFull();
		header.setAlignItems(FlexComponent.Alignment.CENTER);
		header.expand(title);
		header.getStyle().set("padding-right", "var(--lumo-space-m)");
		addToNavbar(header);
		addToDrawer(sideNav());
	}

	private SideNav sideNav() {
		SideNav nav = new SideNav();
		nav.setLabel(getTranslation("nav.label"));
		for (NavigationRegistry.Entry entry : this.navigation.entries()) {
			if (this.accessChecker.hasAccess(entry.view())) {
				String path = RouteConfiguration.forSessionScope().getUrl(entry.view());
				nav.addItem(new SideNavItem(getTranslation(entry.labelKey()), "/" + path));
			}
		}
		return nav;
	}

	private HorizontalLayout userArea() {
		Select<Locale> language = new Select<>();
		language.setId("language-select");
		language.setAriaLabel(getTranslation("nav.language"));
		language.setItems(LanguagePreference.SUPPORTED);
		language.setItemLabelGenerator((locale) -> locale.getDisplayLanguage(locale));
		language
			.setValue(getLocale().getLanguage().equals("en") ? LanguagePreference.ENGLISH : LanguagePreference.ITALIAN);
		language.addValueChangeListener((event) -> LanguagePreference.choose(event.getValue()));
		language.setWidth("9em");

		Span user = new Span(this.authentication.getPrincipalName().orElse(""));
		user.setId("current-user");
		Button logout = new Button(getTranslation("nav.logout"), (click) -> this.authentication.logout());
		logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
		logout.setId("logout");
		HorizontalLayout area = new HorizontalLayout(language, user, logout);
		area.setAlignItems(FlexComponent.Alignment.CENTER);
		return area;
	}

}
