package org.sportello.exchange.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.sportello.directory.Administration;
import org.sportello.directory.Directory;
import org.sportello.exchange.ExchangeDispatcher;
import org.sportello.exchange.ExchangeKeys;
import org.sportello.exchange.ExchangeSettings;
import org.sportello.exchange.InvalidPeerException;
import org.sportello.exchange.OutboxMessage;
import org.sportello.exchange.Peer;
import org.sportello.exchange.Peers;
import org.sportello.open311.Open311Clients;
import org.sportello.security.Roles;

/**
 * Administrators connect installations and civic apps: this installation's public key to
 * give peers, the peers (address, keys, administrations served, enabled; every refusal
 * shown on its field), the Open311 apps and their keys (shown once), and the outbox to
 * peers with each message's attempts and last error, refused ones sent again on request.
 */
@Route("admin/exchange")
@RolesAllowed(Roles.ADMIN)
public class ExchangeView extends VerticalLayout implements HasDynamicTitle {

	private final Peers peers;

	private final ExchangeDispatcher dispatcher;

	private final Open311Clients clients;

	private final Grid<Peer> peerGrid = new Grid<>();

	private final Grid<OutboxMessage> outbox = new Grid<>();

	private final Grid<Open311Clients.Client> clientGrid = new Grid<>();

	private final TextField id = new TextField();

	private final TextField name = new TextField();

	private final TextField baseUrl = new TextField();

	private final TextField keyId = new TextField();

	private final TextArea publicKey = new TextArea();

	private final TextField nextKeyId = new TextField();

	private final TextArea nextPublicKey = new TextArea();

	private final Checkbox enabled = new Checkbox();

	private final MultiSelectComboBox<Administration> administrations = new MultiSelectComboBox<>();

	private final Paragraph message = new Paragraph();

	private final String user;

	ExchangeView(Peers peers, ExchangeDispatcher dispatcher, Open311Clients clients, ExchangeKeys keys,
			ExchangeSettings settings, Directory directory, AuthenticationContext authentication) {
		this.user = authentication.getPrincipalName().orElseThrow();
		this.peers = peers;
		this.dispatcher = dispatcher;
		this.clients = clients;
		DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
			.withLocale(getLocale())
			.withZone(ZoneId.of("Europe/Rome"));
		add(new H2(getTranslation("exchange.title")), new Paragraph(getTranslation("exchange.intro")));

		add(new H3(getTranslation("exchange.own")));
		TextArea own = new TextArea(getTranslation("exchange.own.key", keys.current().keyId()));
		own.setId("exchange-own-key");
		own.setValue(keys.current().publicKeyText());
		own.setReadOnly(true);
		own.setWidthFull();
		add(new Paragraph(getTranslation("exchange.own.id", settings.installationId())), own);

		add(new H3(getTranslation("exchange.peers")));
		this.peerGrid.setId("exchange-peers");
		this.peerGrid.setAriaLabel(getTranslation("exchange.peers"));
		this.peerGrid.addColumn(Peer::name).setHeader(getTranslation("exchange.peer.name")).setAutoWidth(true);
		this.peerGrid.addColumn(Peer::baseUrl).setHeader(getTranslation("exchange.peer.url")).setFlexGrow(1);
		this.peerGrid.addColumn((peer) -> String.join(", ", peer.administrations()))
			.setHeader(getTranslation("exchange.peer.administrations"))
			.setAutoWidth(true);
		this.peerGrid.addColumn((peer) -> getTranslation(peer.enabled() ? "exchange.peer.on" : "exchange.peer.off"))
			.setHeader(getTranslation("exchange.peer.enabled"))
			.setAutoWidth(true);
		this.peerGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		this.peerGrid.setAllRowsVisible(true);
		this.peerGrid.asSingleSelect().addValueChangeListener((event) -> edit(event.getValue()));
		add(this.peerGrid);

		this.id.setLabel(getTranslation("exchange.peer.id"));
		this.id.setId("peer-id");
		this.name.setLabel(getTranslation("exchange.peer.name"));
		this.name.setId("peer-name");
		this.baseUrl.setLabel(getTranslation("exchange.peer.url"));
		this.baseUrl.setId("peer-url");
		this.baseUrl.setPlaceholder("https://sportello.example.it");
		this.keyId.setLabel(getTranslation("exchange.peer.key-id"));
		this.keyId.setId("peer-key-id");
		this.publicKey.setLabel(getTranslation("exchange.peer.public-key"));
		this.publicKey.setId("peer-public-key");
		this.nextKeyId.setLabel(getTranslation("exchange.peer.next-key-id"));
		this.nextKeyId.setId("peer-next-key-id");
		this.nextPublicKey.setLabel(getTranslation("exchange.peer.next-public-key"));
		this.nextPublicKey.setId("peer-next-public-key");
		this.enabled.setLabel(getTranslation("exchange.peer.enabled"));
		this.enabled.setId("peer-enabled");
		this.enabled.setValue(true);
		this.administrations.setLabel(getTranslation("exchange.peer.administrations"));
		this.administrations.setId("peer-administrations");
		this.administrations.setItems(directory.administrations());
		this.administrations.setItemLabelGenerator(Administration::name);
		FormLayout form = new FormLayout(this.id, this.name, this.baseUrl, this.administrations, this.keyId,
				this.publicKey, this.nextKeyId, this.nextPublicKey, this.enabled);
		Button save = new Button(getTranslation("exchange.peer.save"), (click) -> save());
		save.setId("peer-save");
		save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		this.message.setId("exchange-message");
		this.message.getElement().setAttribute("role", "status");
		add(form, new HorizontalLayout(save), this.message);

		add(new H3(getTranslation("exchange.open311")), new Paragraph(getTranslation("exchange.open311.intro")));
		this.clientGrid.setId("open311-clients");
		this.clientGrid.setAriaLabel(getTranslation("exchange.open311"));
		this.clientGrid.addColumn(Open311Clients.Client::name)
			.setHeader(getTranslation("exchange.peer.name"))
			.setFlexGrow(1);
		this.clientGrid.addColumn((client) -> when.format(client.createdAt()))
			.setHeader(getTranslation("exchange.outbox.created"))
			.setAutoWidth(true);
		this.clientGrid.addComponentColumn((client) -> {
			Checkbox on = new Checkbox(getTranslation("exchange.peer.enabled"), client.enabled());
			on.addValueChangeListener((change) -> {
				this.clients.setEnabled(client.id(), change.getValue());
				refresh();
			});
			return on;
		}).setHeader(getTranslation("exchange.peer.enabled")).setAutoWidth(true);
		this.clientGrid.setAllRowsVisible(true);
		TextField appName = new TextField(getTranslation("exchange.open311.name"));
		appName.setId("open311-name");
		Paragraph newKey = new Paragraph();
		newKey.setId("open311-new-key");
		newKey.getElement().setAttribute("role", "status");
		Button create = new Button(getTranslation("exchange.open311.create"), (click) -> {
			try {
				Open311Clients.NewClient created = this.clients.create(appName.getValue(), this.user);
				newKey.setText(getTranslation("exchange.open311.key", created.client().name(), created.apiKey()));
				appName.setInvalid(false);
				appName.clear();
				refresh();
			}
			catch (IllegalArgumentException ex) {
				appName.setErrorMessage(getTranslation("exchange.open311.name-invalid"));
				appName.setInvalid(true);
			}
		});
		create.setId("open311-create");
		HorizontalLayout newClient = new HorizontalLayout(appName, create);
		newClient.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
		add(this.clientGrid, newClient, newKey);

		add(new H3(getTranslation("exchange.outbox")));
		this.outbox.setId("exchange-outbox");
		this.outbox.setAriaLabel(getTranslation("exchange.outbox"));
		this.outbox.addColumn((m) -> when.format(m.createdAt()))
			.setHeader(getTranslation("exchange.outbox.created"))
			.setAutoWidth(true);
		this.outbox.addColumn(OutboxMessage::peerId)
			.setHeader(getTranslation("exchange.outbox.peer"))
			.setAutoWidth(true);
		this.outbox.addColumn(OutboxMessage::kind).setHeader(getTranslation("exchange.outbox.kind")).setAutoWidth(true);
		this.outbox.addColumn((m) -> getTranslation("exchange.outbox.status." + m.status()))
			.setHeader(getTranslation("exchange.outbox.status"))
			.setAutoWidth(true);
		this.outbox.addColumn(OutboxMessage::attempts)
			.setHeader(getTranslation("exchange.outbox.attempts"))
			.setAutoWidth(true);
		this.outbox.addColumn((m) -> (m.lastError() != null) ? m.lastError() : "")
			.setHeader(getTranslation("exchange.outbox.error"))
			.setFlexGrow(1);
		this.outbox.addComponentColumn((m) -> {
			if (!"FAILED".equals(m.status())) {
				return new com.vaadin.flow.component.html.Span();
			}
			Button retry = new Button(getTranslation("exchange.outbox.retry"), (click) -> {
				this.dispatcher.retry(m.id());
				refresh();
			});
			retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
			return retry;
		}).setAutoWidth(true);
		this.outbox.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		this.outbox.setHeight("20em");
		add(this.outbox);
		refresh();
	}

	private void edit(Peer peer) {
		if (peer == null) {
			return;
		}
		this.id.setValue(peer.id());
		this.name.setValue(peer.name());
		this.baseUrl.setValue(peer.baseUrl());
		this.keyId.setValue(peer.keyId());
		this.publicKey.setValue(peer.publicKey());
		this.nextKeyId.setValue((peer.nextKeyId() != null) ? peer.nextKeyId() : "");
		this.nextPublicKey.setValue((peer.nextPublicKey() != null) ? peer.nextPublicKey() : "");
		this.enabled.setValue(peer.enabled());
		this.administrations.setValue(this.administrations.getListDataView()
			.getItems()
			.filter((a) -> peer.administrations().contains(a.code()))
			.toList());
	}

	private void save() {
		List<com.vaadin.flow.component.HasValidation> fields = List.of(this.id, this.name, this.baseUrl, this.keyId,
				this.publicKey, this.nextKeyId, this.nextPublicKey, this.administrations);
		fields.forEach((field) -> field.setInvalid(false));
		try {
			Peer saved = this.peers.save(
					new Peers.PeerForm(this.id.getValue(), this.name.getValue(), this.baseUrl.getValue(),
							this.keyId.getValue(), this.publicKey.getValue(), this.nextKeyId.getValue(),
							this.nextPublicKey.getValue(), this.enabled.getValue(),
							this.administrations.getValue().stream().map(Administration::code).sorted().toList()),
					this.user);
			this.message.setText(getTranslation("exchange.peer.saved", saved.name()));
			refresh();
		}
		catch (InvalidPeerException ex) {
			com.vaadin.flow.component.HasValidation field = switch (ex.field().replaceAll("\\[.*", "")) {
				case "id" -> this.id;
				case "name" -> this.name;
				case "baseUrl" -> this.baseUrl;
				case "keyId" -> this.keyId;
				case "publicKey" -> this.publicKey;
				case "nextKeyId" -> this.nextKeyId;
				case "nextPublicKey" -> this.nextPublicKey;
				default -> this.administrations;
			};
			field.setErrorMessage(getTranslation("exchange.error." + ex.code()));
			field.setInvalid(true);
			this.message.setText(getTranslation("exchange.peer.not-saved"));
		}
	}

	private void refresh() {
		this.peerGrid.setItems(this.peers.all());
		this.clientGrid.setItems(this.clients.all());
		this.outbox.setItems(this.dispatcher.recent(200));
	}

	@Override
	public String getPageTitle() {
		return getTranslation("exchange.title");
	}

}
