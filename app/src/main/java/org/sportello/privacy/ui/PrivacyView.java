package org.sportello.privacy.ui;

import java.io.ByteArrayInputStream;
import java.time.Period;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.sportello.privacy.CitizenData;
import org.sportello.security.Roles;

import org.springframework.beans.factory.annotation.Value;

/**
 * Personal data, for administrators: how long it is kept, and everything held about one
 * citizen, exported as JSON from the phone or email of their cases (GDPR art. 15, 20).
 */
@Route("privacy")
@RolesAllowed(Roles.ADMIN)
public class PrivacyView extends VerticalLayout implements HasDynamicTitle {

	private final transient CitizenData citizenData;

	private final String user;

	private final TextField contact = new TextField();

	private final Paragraph status = new Paragraph();

	private final Div download = new Div();

	PrivacyView(CitizenData citizenData, AuthenticationContext authentication,
			@Value("${sportello.retention.period:P24M}") Period period) {
		this.citizenData = citizenData;
		this.user = authentication.getPrincipalName().orElseThrow();
		add(new H2(getTranslation("privacy.title")),
				new Paragraph(getTranslation("privacy.retention", period.toTotalMonths())));

		H3 heading = new H3(getTranslation("privacy.export"));
		this.contact.setLabel(getTranslation("privacy.contact"));
		this.contact.setHelperText(getTranslation("privacy.contact-help"));
		this.contact.setId("privacy-contact");
		this.contact.setWidth("24em");
		this.contact.setMaxLength(254);
		Button prepare = new Button(getTranslation("privacy.prepare"), (click) -> prepare());
		prepare.setId("privacy-prepare");
		prepare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		prepare.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
		HorizontalLayout form = new HorizontalLayout(this.contact, prepare);
		form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		this.status.setId("privacy-status");
		this.status.getElement().setAttribute("role", "status");
		add(heading, new Paragraph(getTranslation("privacy.export-help")), form, this.status, this.download);
	}

	private void prepare() {
		this.download.removeAll();
		this.contact.setInvalid(false);
		CitizenData.Export export = this.citizenData.export(this.contact.getValue(), this.user);
		if (export.cases().isEmpty()) {
			this.contact.setErrorMessage(getTranslation("privacy.none"));
			this.contact.setInvalid(true);
			this.status.setText(getTranslation("privacy.none"));
			return;
		}
		byte[] json = this.citizenData.json(export);
		this.status.setText(getTranslation("privacy.ready", export.cases().size()));
		String name = "sportello-dati-cittadino-" + export.preparedAt().getEpochSecond() + ".json";
		Anchor link = new Anchor(DownloadHandler.fromInputStream(
				(event) -> new DownloadResponse(new ByteArrayInputStream(json), name, "application/json", json.length)),
				AttachmentType.DOWNLOAD, getTranslation("privacy.download"));
		link.setId("privacy-download");
		this.download.add(link);
	}

	@Override
	public String getPageTitle() {
		return getTranslation("privacy.title");
	}

}
