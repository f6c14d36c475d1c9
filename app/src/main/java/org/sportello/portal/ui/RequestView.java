package org.sportello.portal.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.streams.UploadHandler;
import org.sportello.callback.Callback;
import org.sportello.callback.CallbackRequests;
import org.sportello.callback.InvalidCallbackException;
import org.sportello.cases.AttachmentRejectedException;
import org.sportello.cases.Attachments;
import org.sportello.cases.NewAttachment;
import org.sportello.cases.OpenedCase;
import org.sportello.intake.SelfIntakeLimitedException;
import org.sportello.knowledge.KnowledgeBase;
import org.sportello.portal.WebRequestRefusedException;
import org.sportello.portal.WebRequests;
import org.sportello.web.FormViewer;
import org.sportello.web.PageLanguage;
import org.sportello.web.UploadTexts;

/**
 * The citizen's web form, no login: the Camunda Form the designers keep
 * ({@link WebRequests}), files (PDF, PNG, JPEG), and before sending the public FAQ
 * answers that may already answer it. On sending: the acknowledgement with tracking code
 * and PIN (and the same by email or SMS when the citizen gave them). A hidden field that
 * people never see (a honeypot) lets machines that fill every field believe they sent
 * something, while nothing is stored.
 */
@Route(value = "richiesta", autoLayout = false)
@AnonymousAllowed
public class RequestView extends VerticalLayout implements HasDynamicTitle {

	private final transient WebRequests requests;

	private final transient Attachments attachments;

	private final transient ObjectMapper json;

	private final FormViewer form = new FormViewer();

	private final TextField honeypot = new TextField();

	private final Paragraph error = new Paragraph();

	private final Div suggestions = new Div();

	private final Span accepted = new Span();

	private final List<NewAttachment> files = new ArrayList<>();

	/** The FAQ answers were offered once: the next send sends. */
	private boolean suggested;

	private final transient CallbackRequests callbacks;

	RequestView(WebRequests requests, Attachments attachments, ObjectMapper json, CallbackRequests callbacks) {
		this.callbacks = callbacks;
		this.requests = requests;
		this.attachments = attachments;
		this.json = json;
		setMaxWidth("44em");
		getStyle().set("margin", "0 auto");
		build();
	}

	private void build() {
		Button language = new Button(getTranslation("track.other-language"), (click) -> PageLanguage.switchLanguage());
		language.setId("language-toggle");
		language.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
		add(language, new H1(getTranslation("request.title")));
		WebRequests.Shown shown = this.requests.shown(getLocale());
		this.form.setId("request-form");
		this.form.show(shown.schema(), write(shown.input()));
		this.form.addSubmitListener((event) -> submitted(event.data()));
		this.form.addInvalidListener((event) -> this.error.setText(getTranslation("request.invalid")));
		add(this.form, upload(), this.accepted, honeypot());
		this.suggestions.setId("request-suggestions");
		this.error.setId("request-error");
		this.error.getElement().setAttribute("role", "alert");
		this.error.getStyle().set("color", "var(--lumo-error-text-color)");
		Button send = new Button(getTranslation("request.send"), (click) -> this.form.submit());
		send.setId("request-send");
		send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		add(this.error, this.suggestions, send,
				new Paragraph(new Anchor("track", getTranslation("request.track-existing"))), callback());
	}

	/**
	 * Or be called back: a number and when, nothing else; the front office calls within
	 * its response target in working time.
	 */
	private Div callback() {
		Div section = new Div();
		section.setId("callback");
		section.getStyle().set("border-top", "1px solid var(--lumo-contrast-20pct)").set("width", "100%");
		TextField phone = new TextField(getTranslation("request.callback.phone"));
		phone.setId("callback-phone");
		phone.setMaxLength(30);
		phone.setHelperText(getTranslation("request.callback.phone-help"));
		com.vaadin.flow.component.radiobutton.RadioButtonGroup<Callback.Slot> slot = new com.vaadin.flow.component.radiobutton.RadioButtonGroup<>(
				getTranslation("request.callback.slot"));
		slot.setId("callback-slot");
		slot.setItems(Callback.Slot.values());
		slot.setItemLabelGenerator((value) -> getTranslation("request.callback.slot." + value.name()));
		slot.setValue(Callback.Slot.ANY);
		Paragraph outcome = new Paragraph();
		outcome.setId("callback-outcome");
		outcome.getElement().setAttribute("role", "status");
		Button ask = new Button(getTranslation("request.callback.ask"));
		ask.setId("callback-ask");
		ask.addClickListener((click) -> {
			try {
				this.callbacks.request(phone.getValue(), slot.getValue(), getLocale().getLanguage(),
						org.sportello.cases.Channel.WEB_FORM, clientAddress());
				phone.setInvalid(false);
				ask.setEnabled(false);
				outcome.setText(getTranslation("request.callback.done"));
			}
			catch (InvalidCallbackException ex) {
				phone.setErrorMessage(getTranslation("request.callback.invalid"));
				phone.setInvalid(true);
			}
			catch (SelfIntakeLimitedException ex) {
				outcome.setText(getTranslation("request.too-many"));
			}
		});
		section.add(new H2(getTranslation("request.callback.title")),
				new Paragraph(getTranslation("request.callback.intro")), phone, slot, ask, outcome);
		return section;
	}

	private Div upload() {
		Span label = new Span(getTranslation("request.files"));
		label.setId("request-files-label");
		Upload upload = new Upload();
		upload.setId("request-upload");
		upload.setAcceptedFileTypes("application/pdf", ".pdf", "image/png", ".png", "image/jpeg", ".jpg", ".jpeg");
		upload.setMaxFileSize((int) Attachments.MAX_BYTES);
		upload.setMaxFiles(3);
		upload.setI18n(UploadTexts.of(this::getTranslation));
		upload.getElement().setAttribute("aria-labelledby", "request-files-label");
		upload.addFileRejectedListener((event) -> this.error.setText(getTranslation("attachment.type-or-size")));
		upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> {
			try {
				this.attachments.check(metadata.fileName(), bytes);
				this.files.add(new NewAttachment(metadata.fileName(), bytes));
			}
			catch (AttachmentRejectedException ex) {
				getUI().ifPresent((ui) -> ui
					.access(() -> this.error.setText(getTranslation(ex.reason()) + " (" + metadata.fileName() + ")")));
			}
		}));
		upload.getElement()
			.addEventListener("upload-response",
					(event) -> this.accepted
						.setText(this.files.isEmpty() ? "" : getTranslation("documents.reply.attached",
								String.join(", ", this.files.stream().map(NewAttachment::fileName).toList()))));
		this.accepted.setId("request-accepted");
		Div files = new Div(label, upload);
		files.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)");
		return files;
	}

	/**
	 * A field hidden from people (off screen, out of the tab order, hidden from screen
	 * readers) that form-filling robots fill.
	 */
	private Div honeypot() {
		this.honeypot.setId("request-website");
		this.honeypot.setLabel("Website");
		this.honeypot.getElement().setAttribute("autocomplete", "off");
		this.honeypot.getElement().setAttribute("tabindex", "-1");
		Div trap = new Div(this.honeypot);
		trap.getElement().setAttribute("aria-hidden", "true");
		trap.getStyle()
			.set("position", "absolute")
			.set("left", "-10000px")
			.set("top", "auto")
			.set("overflow", "hidden");
		trap.setWidth("1px");
		trap.setHeight("1px");
		return trap;
	}

	private void submitted(String dataJson) {
		this.error.setText("");
		Map<String, Object> data;
		try {
			data = this.json.readValue(dataJson, new TypeReference<HashMap<String, Object>>() {
			});
		}
		catch (java.io.IOException ex) {
			this.error.setText(getTranslation("request.invalid"));
			return;
		}
		if (!this.honeypot.getValue().isEmpty()) {
			// a robot: it is thanked, nothing is stored
			thanked(null);
			return;
		}
		if (!this.suggested) {
			this.suggested = true;
			List<KnowledgeBase.Found> found = this.requests.suggestions(data);
			if (!found.isEmpty()) {
				showSuggestions(found);
				return;
			}
		}
		try {
			thanked(this.requests.submit(data, List.copyOf(this.files), clientAddress(), getLocale()));
		}
		catch (WebRequestRefusedException ex) {
			this.error.setText(getTranslation("request.refused", ex.fields()
				.stream()
				.map((field) -> fieldLabel(field.key()) + " (" + getTranslation("form.rule." + field.code()) + ")")
				.collect(Collectors.joining(", "))));
		}
		catch (SelfIntakeLimitedException ex) {
			this.error.setText(getTranslation("request.too-many"));
		}
	}

	private void showSuggestions(List<KnowledgeBase.Found> found) {
		this.suggestions.removeAll();
		this.suggestions.add(new H2(getTranslation("request.suggestions")),
				new Paragraph(getTranslation("request.suggestions-intro")));
		UnorderedList list = new UnorderedList();
		for (KnowledgeBase.Found hit : found) {
			Anchor link = new Anchor("faq/" + hit.article().slug(), hit.article().question());
			link.setTarget(AnchorTarget.BLANK);
			list.add(new ListItem(link));
		}
		this.suggestions.add(list, new Paragraph(getTranslation("request.suggestions-send")));
	}

	private void thanked(OpenedCase opened) {
		removeAll();
		H1 title = new H1(getTranslation("request.sent-title"));
		add(title);
		if (opened == null) {
			add(new Paragraph(getTranslation("request.sent-quiet")));
			return;
		}
		Div receipt = new Div();
		receipt.setId("request-receipt");
		receipt.getElement().setAttribute("role", "status");
		Paragraph code = new Paragraph(getTranslation("request.code") + " ");
		Span codeValue = new Span(opened.trackingCode());
		codeValue.setId("request-code");
		codeValue.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "bold");
		code.add(codeValue);
		Paragraph pin = new Paragraph(getTranslation("request.pin") + " ");
		Span pinValue = new Span(opened.pin());
		pinValue.setId("request-pin");
		pinValue.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "bold");
		pin.add(pinValue);
		receipt.add(code, pin, new Paragraph(getTranslation("request.keep")),
				new Paragraph(new Anchor("track?code=" + opened.trackingCode(), getTranslation("request.follow"))));
		add(receipt);
	}

	/** The label the citizen read for a field of the form. */
	private String fieldLabel(String key) {
		String label = getTranslation("request.field." + key);
		return label.startsWith("!") ? key : label;
	}

	private String write(Map<String, Object> value) {
		try {
			return this.json.writeValueAsString(value);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static String clientAddress() {
		VaadinRequest request = VaadinRequest.getCurrent();
		return (request != null) ? request.getRemoteAddr() : "unknown";
	}

	@Override
	public String getPageTitle() {
		return getTranslation("request.title");
	}

}
