package org.sportello.mail.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.sportello.mail.EmailOutbox;

/**
 * Where the unsubscribe link of an email leads: one button, so that opening the link (or
 * a mail scanner following it) changes nothing.
 */
@Route(value = "disiscrizione/:token", autoLayout = false)
@AnonymousAllowed
public class UnsubscribeView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

	private final transient EmailOutbox outbox;

	private String token;

	UnsubscribeView(EmailOutbox outbox) {
		this.outbox = outbox;
		setMaxWidth("40em");
		getStyle().set("margin", "0 auto");
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		this.token = event.getRouteParameters().get("token").orElse("");
		removeAll();
		Paragraph result = new Paragraph();
		result.getElement().setAttribute("role", "status");
		result.setId("unsubscribe-result");
		Button confirm = new Button(getTranslation("unsubscribe.confirm"));
		confirm.setId("unsubscribe-confirm");
		confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		confirm.addClickListener((click) -> {
			this.outbox.unsubscribe(this.token);
			confirm.setEnabled(false);
			result.setText(getTranslation("unsubscribe.done"));
		});
		add(new H1(getTranslation("unsubscribe.title")), new Paragraph(getTranslation("unsubscribe.intro")), confirm,
				result);
	}

	@Override
	public String getPageTitle() {
		return getTranslation("unsubscribe.title");
	}

}
