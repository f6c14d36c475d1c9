package org.sportello.notify.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.sportello.notify.SmsMessage;
import org.sportello.notify.SmsOutbox;
import org.sportello.notify.SmsTemplate;
import org.sportello.notify.SmsTemplateRejectedException;
import org.sportello.notify.SmsTemplates;
import org.sportello.security.Roles;

/**
 * The SMS outbox as administrators and supervisors see it: every message with its text
 * exactly as sent (or, without Twilio credentials, as it would have been sent), its
 * delivery status and errors; and the editable status templates.
 */
@Route("admin/sms")
@RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR })
public class SmsOutboxView extends VerticalLayout implements HasDynamicTitle {

	static final int SHOWN = 500;

	private final transient SmsTemplates templates;

	private final String user;

	private final Select<SmsTemplate> template = new Select<>();

	private final TextArea body = new TextArea();

	private final Paragraph templateError = new Paragraph();

	SmsOutboxView(SmsOutbox outbox, SmsTemplates templates, AuthenticationContext authentication) {
		this.templates = templates;
		this.user = authentication.getPrincipalName().orElseThrow();
		setSizeFull();
		add(new H2(getTranslation("sms.outbox.title")), new Paragraph(getTranslation("sms.outbox.intro")));
		DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
			.withLocale(getLocale())
			.withZone(ZoneId.of("Europe/Rome"));
		Grid<SmsMessage> grid = new Grid<>();
		grid.setId("sms-outbox");
		grid.setAriaLabel(getTranslation("sms.outbox.title"));
		grid.addColumn((message) -> when.format(message.createdAt()))
			.setHeader(getTranslation("sms.outbox.created"))
			.setAutoWidth(true);
		grid.addColumn(SmsMessage::toNumber).setHeader(getTranslation("sms.outbox.to")).setAutoWidth(true);
		grid.addColumn(SmsMessage::body).setHeader(getTranslation("sms.outbox.body")).setFlexGrow(1);
		grid.addColumn((message) -> getTranslation("sms.status." + message.status().name()))
			.setHeader(getTranslation("sms.outbox.status"))
			.setAutoWidth(true);
		grid.addColumn(SmsMessage::attempts).setHeader(getTranslation("sms.outbox.attempts")).setAutoWidth(true);
		grid.addColumn((message) -> (message.lastError() != null) ? message.lastError() : "")
			.setHeader(getTranslation("sms.outbox.error"))
			.setAutoWidth(true);
		grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES,
				GridVariant.LUMO_WRAP_CELL_CONTENT);
		grid.setItems(outbox.latest(SHOWN));
		grid.setHeight("24em");
		add(grid, templateEditor());
	}

	private VerticalLayout templateEditor() {
		this.template.setId("sms-template");
		this.template.setLabel(getTranslation("sms.template.which"));
		this.template.setItemLabelGenerator(
				(item) -> getTranslation("status." + item.status().name()) + " (" + item.language() + ")");
		this.template.setItems(this.templates.templates());
		this.template.addValueChangeListener((event) -> {
			this.body.setValue((event.getValue() != null) ? event.getValue().body() : "");
			this.templateError.setText("");
		});
		this.body.setId("sms-template-body");
		this.body.setLabel(getTranslation("sms.template.body"));
		this.body.setHelperText(getTranslation("sms.template.help"));
		this.body.setMaxLength(480);
		this.body.setWidthFull();
		this.templateError.setId("sms-template-error");
		this.templateError.getElement().setAttribute("role", "alert");
		this.templateError.getStyle().set("color", "var(--lumo-error-text-color)");
		Button save = new Button(getTranslation("sms.template.save"), (click) -> saveTemplate());
		save.setId("sms-template-save");
		save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		VerticalLayout editor = new VerticalLayout(new H3(getTranslation("sms.template.title")), this.template,
				this.body, this.templateError, save);
		editor.setPadding(false);
		editor.setMaxWidth("48em");
		return editor;
	}

	private void saveTemplate() {
		SmsTemplate chosen = this.template.getValue();
		if (chosen == null) {
			return;
		}
		try {
			SmsTemplate saved = this.templates.save(chosen.status(), chosen.language(), this.body.getValue(),
					chosen.version(), this.user);
			this.templateError.setText("");
			java.util.List<SmsTemplate> all = this.templates.templates();
			this.template.setItems(all);
			this.template.setValue(all.stream()
				.filter((item) -> item.status() == saved.status() && item.language().equals(saved.language()))
				.findFirst()
				.orElse(null));
			Notification.show(getTranslation("sms.template.saved"), 3000, Notification.Position.BOTTOM_START)
				.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
		}
		catch (SmsTemplateRejectedException ex) {
			this.body.setInvalid(true);
			String message = getTranslation("sms.template.rejected." + ex.code(), ex.detail());
			this.body.setErrorMessage(message);
			this.templateError.setText(getTranslation("sms.template.not-saved", message));
		}
	}

	@Override
	public String getPageTitle() {
		return getTranslation("sms.outbox.title");
	}

}
