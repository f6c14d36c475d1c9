package org.sportello.web;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;

import org.springframework.stereotype.Component;

/**
 * Italian by default, English on request. The choice is kept in the session (and, once
 * user preferences exist, with the user), never taken from the browser alone: officials
 * of an Italian administration work in Italian unless they ask otherwise.
 */
@Component
class LanguagePreference implements VaadinServiceInitListener {

	static final Locale ITALIAN = Locale.ITALIAN;

	/**
	 * English with British conventions: dates read 6 Dec 2026 and 06/12/2026, as in the
	 * rest of the network, not 12/6/26.
	 */
	public static final Locale ENGLISH = Locale.UK;

	static final List<Locale> SUPPORTED = List.of(ITALIAN, ENGLISH);

	private static final String SESSION_KEY = LanguagePreference.class.getName();

	@Override
	public void serviceInit(ServiceInitEvent event) {
		event.getSource().addUIInitListener((uiEvent) -> {
			Locale chosen = (Locale) uiEvent.getUI().getSession().getAttribute(SESSION_KEY);
			uiEvent.getUI().setLocale((chosen != null) ? chosen : ITALIAN);
			PageLanguage.apply(uiEvent.getUI());
		});
	}

	static void choose(Locale locale) {
		VaadinSession.getCurrent().setAttribute(SESSION_KEY, locale);
		VaadinSession.getCurrent().setLocale(locale);
		UI.getCurrent().getPage().reload();
	}

}
