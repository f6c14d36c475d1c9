package org.sportello.security.ui;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.sportello.security.LoginFailure;
import org.sportello.security.LoginThrottle;
import org.sportello.security.Roles;

/**
 * Wrong passwords of the last 24 hours, per user name and client address, for
 * administrators: who is made to wait, until when, and a button that lifts a user's
 * waits. Nobody is ever locked out by others' guesses (see SECURITY.md), so this is for
 * seeing attacks and helping an official who mistyped too often.
 */
@Route("admin/logins")
@RolesAllowed(Roles.ADMIN)
public class SignInAttemptsView extends VerticalLayout implements HasDynamicTitle {

	private final transient LoginThrottle throttle;

	private final transient Clock clock;

	private final Grid<LoginFailure> grid = new Grid<>();

	SignInAttemptsView(LoginThrottle throttle, Clock clock) {
		this.throttle = throttle;
		this.clock = clock;
		setSizeFull();
		add(new H2(getTranslation("logins.title")), new Paragraph(getTranslation("logins.intro")));
		DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
			.withLocale(getLocale())
			.withZone(clock.getZone());
		this.grid.setId("sign-in-attempts");
		this.grid.setAriaLabel(getTranslation("logins.title"));
		this.grid.addColumn(LoginFailure::userId).setHeader(getTranslation("logins.user")).setAutoWidth(true);
		this.grid.addColumn(LoginFailure::clientAddress).setHeader(getTranslation("logins.address")).setAutoWidth(true);
		this.grid.addColumn(LoginFailure::failures).setHeader(getTranslation("logins.failures")).setAutoWidth(true);
		this.grid.addColumn((failure) -> when.format(failure.lastFailureAt()))
			.setHeader(getTranslation("logins.last"))
			.setAutoWidth(true);
		this.grid
			.addColumn((failure) -> failure.blockedAt(now()) ? when.format(failure.blockedUntil())
					: getTranslation("logins.not-waiting"))
			.setHeader(getTranslation("logins.waits-until"))
			.setAutoWidth(true);
		this.grid.addComponentColumn((failure) -> {
			Button unblock = new Button(getTranslation("logins.unblock"), (click) -> {
				this.throttle.unblock(failure.userId());
				refresh();
			});
			unblock.addThemeVariants(ButtonVariant.LUMO_SMALL);
			unblock.getElement().setAttribute("aria-label", getTranslation("logins.unblock-user", failure.userId()));
			return unblock;
		}).setHeader(getTranslation("logins.action")).setAutoWidth(true);
		this.grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		this.grid.setEmptyStateText(getTranslation("logins.none"));
		add(this.grid);
		refresh();
	}

	private Instant now() {
		return this.clock.instant();
	}

	private void refresh() {
		this.grid.setItems(this.throttle.recent());
	}

	@Override
	public String getPageTitle() {
		return getTranslation("logins.title");
	}

}
