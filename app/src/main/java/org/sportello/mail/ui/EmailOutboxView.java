package org.sportello.mail.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.sportello.mail.EmailMessage;
import org.sportello.mail.EmailOutbox;
import org.sportello.mail.InboundRecord;
import org.sportello.mail.MailSettings;
import org.sportello.security.Roles;

/**
 * The email channel as administrators and supervisors see it: the mailboxes read (never
 * their passwords), what became of the latest messages read from them (no address, no
 * text: only the outcome), and the outbox with each email as sent (or, without an SMTP
 * server, as it would have been), its status and errors.
 */
@Route("admin/email")
@RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR })
public class EmailOutboxView extends VerticalLayout implements HasDynamicTitle {

	static final int SHOWN = 500;

	EmailOutboxView(EmailOutbox outbox, MailSettings settings) {
		setSizeFull();
		DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
			.withLocale(getLocale())
			.withZone(ZoneId.of("Europe/Rome"));
		add(new H2(getTranslation("email.outbox.title")), new Paragraph(getTranslation("email.outbox.intro")));
		add(new H3(getTranslation("email.mailboxes")));
		UnorderedList boxes = new UnorderedList();
		boxes.setId("email-mailboxes");
		if (settings.mailboxes().isEmpty()) {
			boxes.add(new ListItem(getTranslation("email.mailboxes.none")));
		}
		for (MailSettings.Mailbox box : settings.mailboxes()) {
			boxes.add(new ListItem(getTranslation("email.mailbox", box.id(), getTranslation("channel." + box.channel()),
					box.username(), box.host() + ":" + box.port(), box.folder(),
					getTranslation(box.enabled() ? "email.mailbox.on" : "email.mailbox.off"))));
		}
		add(boxes);

		add(new H3(getTranslation("email.inbound")));
		Grid<InboundRecord> inbound = new Grid<>();
		inbound.setId("email-inbound");
		inbound.setAriaLabel(getTranslation("email.inbound"));
		inbound.addColumn((read) -> when.format(read.receivedAt()))
			.setHeader(getTranslation("email.inbound.received"))
			.setAutoWidth(true);
		inbound.addColumn(InboundRecord::mailbox).setHeader(getTranslation("email.inbound.mailbox")).setAutoWidth(true);
		inbound.addColumn((read) -> getTranslation("email.outcome." + read.outcome()))
			.setHeader(getTranslation("email.inbound.outcome"))
			.setFlexGrow(1);
		inbound.addColumn((read) -> (read.detail() != null) ? read.detail() : "")
			.setHeader(getTranslation("email.inbound.detail"))
			.setAutoWidth(true);
		inbound.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		inbound.setItems(outbox.latestInbound(SHOWN));
		inbound.setHeight("16em");
		add(inbound);

		add(new H3(getTranslation("email.outbox")));
		Grid<EmailMessage> grid = new Grid<>();
		grid.setId("email-outbox");
		grid.setAriaLabel(getTranslation("email.outbox"));
		grid.addColumn((message) -> when.format(message.createdAt()))
			.setHeader(getTranslation("sms.outbox.created"))
			.setAutoWidth(true);
		grid.addColumn(EmailMessage::toAddress).setHeader(getTranslation("email.outbox.to")).setAutoWidth(true);
		grid.addColumn(EmailMessage::subject).setHeader(getTranslation("email.outbox.subject")).setAutoWidth(true);
		// the text as sent (an acknowledgement shows {pin}: the PIN itself is never kept)
		grid.addColumn(EmailMessage::body).setHeader(getTranslation("email.outbox.body")).setFlexGrow(1);
		grid.addColumn((message) -> getTranslation("email.status." + message.status().name()))
			.setHeader(getTranslation("sms.outbox.status"))
			.setAutoWidth(true);
		grid.addColumn(EmailMessage::attempts).setHeader(getTranslation("sms.outbox.attempts")).setAutoWidth(true);
		grid.addColumn((message) -> (message.lastError() != null) ? message.lastError() : "")
			.setHeader(getTranslation("sms.outbox.error"))
			.setAutoWidth(true);
		grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES,
				GridVariant.LUMO_WRAP_CELL_CONTENT);
		grid.setItems(outbox.latest(SHOWN));
		grid.setHeight("24em");
		add(grid);
	}

	@Override
	public String getPageTitle() {
		return getTranslation("email.outbox.title");
	}

}
