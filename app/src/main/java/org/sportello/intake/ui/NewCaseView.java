package org.sportello.intake.ui;

import java.util.Locale;

import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.component.html.AttachmentType;
import org.sportello.intake.CaseReceipt;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.sportello.cases.AttachmentRejectedException;
import org.sportello.cases.Attachments;
import org.sportello.cases.CaseSummary;
import org.sportello.cases.Cases;
import org.sportello.cases.ClassLabel;
import org.sportello.cases.Classification;
import org.sportello.cases.PhoneNumbers;
import org.sportello.cases.Channel;
import org.sportello.cases.NewAttachment;
import org.sportello.cases.OpenedCase;
import org.sportello.cases.Topic;
import org.sportello.intake.IntakeRequest;
import org.sportello.intake.IntakeService;
import org.sportello.knowledge.Article;
import org.sportello.knowledge.ArticleSuggestions;
import org.sportello.knowledge.ArticleText;
import org.sportello.knowledge.KnowledgeBase;
import org.sportello.intake.InvalidRequestException;
import org.sportello.intake.TriageNotOpenException;
import org.sportello.security.Roles;
import org.sportello.web.UploadTexts;

import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Front-office console: open a case for a citizen on any channel, tell them tracking code
 * and PIN, then close it on the spot or forward it. The same checks as the API, shown
 * next to each field; nothing is saved while a field is wrong.
 */
@Route("fo/new")
@RolesAllowed({ Roles.FO })
public class NewCaseView extends VerticalLayout implements HasDynamicTitle {

	private final IntakeService intake;

	private final Validator validator;

	private final String user;

	private final RadioButtonGroup<Channel> channel = new RadioButtonGroup<>();

	private final ComboBox<Topic> topic = new ComboBox<>();

	private final Button openButton = new Button();

	private final TextArea description = new TextArea();

	private final TextField municipality = new TextField();

	private final TextField name = new TextField();

	private final TextField phone = new TextField();

	private final EmailField email = new EmailField();

	private final Checkbox smsConsent = new Checkbox();

	private final RadioButtonGroup<String> language = new RadioButtonGroup<>();

	private final CheckboxGroup<IntakeRequest.PriorityFlag> flags = new CheckboxGroup<>();

	private final CheckboxGroup<org.sportello.directory.Skill> needs = new CheckboxGroup<>();

	private final Map<String, com.vaadin.flow.component.HasValidation> fields = new HashMap<>();

	private final Div result = new Div();

	/**
	 * The citizen's earlier cases (same phone or email), shown while the request is
	 * typed.
	 */
	private final Div earlier = new Div();

	private final Upload upload = new Upload();

	private final Span uploadError = new Span();

	private final Span acceptedFiles = new Span();

	private final java.util.List<NewAttachment> files = new java.util.ArrayList<>();

	private final transient Attachments attachments;

	private final transient Cases cases;

	private final transient KnowledgeBase knowledge;

	/** The knowledge base's answers for the description being typed. */
	private final ArticleSuggestions suggestions;

	/** The case just opened, while it waits to be resolved or forwarded. */
	private OpenedCase current;

	private final transient CaseReceipt receipts;

	private Span currentStatus;

	private HorizontalLayout currentActions;

	private TextArea currentNote;

	/** The outcome class recorded if the case is resolved on the spot. */
	private Select<ClassLabel> currentOutcome;

	private final transient Classification classification;

	private Notification lastError;

	NewCaseView(IntakeService intake, Cases cases, Attachments attachments, Validator validator,
			AuthenticationContext authentication, KnowledgeBase knowledge, Classification classification,
			CaseReceipt receipts) {
		this.receipts = receipts;
		this.classification = classification;
		this.intake = intake;
		this.cases = cases;
		this.knowledge = knowledge;
		this.suggestions = new ArticleSuggestions(knowledge, this::resolveWith);
		this.attachments = attachments;
		this.validator = validator;
		this.user = authentication.getPrincipalName().orElseThrow();
		add(new H2(getTranslation("fo.new.title")));
		configureFields(cases);
		FormLayout form = new FormLayout(this.channel, this.topic, this.description, this.suggestions,
				this.municipality, this.name, this.phone, this.email, this.language, this.smsConsent, this.flags,
				this.needs);
		form.setColspan(this.channel, 2);
		form.setColspan(this.description, 2);
		// the knowledge base's answers right under the request they answer
		form.setColspan(this.suggestions, 2);
		form.add(this.earlier, 2);
		form.add(attachmentsField());
		form.setMaxWidth("60em");
		Button open = this.openButton;
		open.setText(getTranslation("fo.new.open"));
		open.addClickListener((click) -> {
			if (!open()) {
				open.setEnabled(true);
			}
		});
		open.setId("open-case");
		open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		// disabled in the browser at the first click, and after a case is opened until
		// the
		// next citizen's request is typed in: a double click opens one case
		open.setDisableOnClick(true);
		open.addClickShortcut(Key.ENTER, com.vaadin.flow.component.KeyModifier.CONTROL);
		this.description.addValueChangeListener((event) -> open.setEnabled(true));
		this.name.addValueChangeListener((event) -> open.setEnabled(true));
		this.topic.addValueChangeListener((event) -> open.setEnabled(true));
		this.result.setId("case-result");
		add(form, open, this.result);
	}

	private void configureFields(Cases cases) {
		this.channel.setLabel(getTranslation("fo.new.channel"));
		this.channel.setItems(Channel.operatorChannels());
		this.channel.setItemLabelGenerator((c) -> getTranslation("channel." + c.name()));
		this.channel.setValue(Channel.PHONE);
		boolean english = getLocale().getLanguage().equals("en");
		this.topic.setLabel(getTranslation("fo.new.topic"));
		this.topic.setItems(cases.topics());
		this.topic.setItemLabelGenerator((t) -> english ? t.labelEn() : t.labelIt());
		this.topic.setId("topic");
		this.topic.setRequiredIndicatorVisible(true);
		this.description.setLabel(getTranslation("fo.new.description"));
		this.description.setMaxLength(4000);
		this.description.setId("description");
		// suggestions follow the typing, a moment after the operator pauses
		this.description.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.TIMEOUT);
		this.description.setValueChangeTimeout(400);
		this.description.addValueChangeListener((event) -> this.suggestions.showFor(event.getValue()));
		this.description.setRequiredIndicatorVisible(true);
		this.municipality.setLabel(getTranslation("fo.new.municipality"));
		this.municipality.setId("municipality");
		this.name.setLabel(getTranslation("fo.new.name"));
		this.name.setId("citizen-name");
		this.name.setRequiredIndicatorVisible(true);
		this.phone.setLabel(getTranslation("fo.new.phone"));
		this.phone.setHelperText(getTranslation("fo.new.phone-help"));
		this.phone.setId("citizen-phone");
		this.email.setLabel(getTranslation("fo.new.email"));
		this.email.setId("citizen-email");
		this.earlier.setId("earlier-cases");
		this.phone.addValueChangeListener((event) -> showEarlierCases(cases));
		this.email.addValueChangeListener((event) -> showEarlierCases(cases));
		this.smsConsent.setLabel(getTranslation("fo.new.sms-consent"));
		this.smsConsent.setId("sms-consent");
		this.language.setLabel(getTranslation("fo.new.language"));
		this.language.setItems("it", "en");
		this.language.setItemLabelGenerator((code) -> getTranslation("language." + code));
		this.language.setValue("it");
		this.flags.setLabel(getTranslation("fo.new.flags"));
		this.flags.setItems(IntakeRequest.PriorityFlag.values());
		this.flags.setItemLabelGenerator((flag) -> getTranslation("flag." + flag.name()));
		// whoever handles the case must offer these (the English choice above adds
		// English):
		// the network's distribution sends the case to an office that does
		this.needs.setLabel(getTranslation("fo.new.needs"));
		this.needs.setHelperText(getTranslation("fo.new.needs-help"));
		this.needs.setId("citizen-needs");
		this.needs.setItems(org.sportello.directory.Skill.LANG_FR, org.sportello.directory.Skill.LANG_DE,
				org.sportello.directory.Skill.LANG_ES, org.sportello.directory.Skill.SIGN_LANGUAGE,
				org.sportello.directory.Skill.BLIND_ASSISTANCE);
		this.needs.setItemLabelGenerator((need) -> getTranslation("skill." + need.name()));
		this.fields.put("channel", this.channel);
		this.fields.put("topic", this.topic);
		this.fields.put("description", this.description);
		this.fields.put("municipality", this.municipality);
		this.fields.put("citizen.name", this.name);
		this.fields.put("citizen.phone", this.phone);
		this.fields.put("citizen.email", this.email);
		this.fields.put("citizen.language", this.language);
	}

	private VerticalLayout attachmentsField() {
		Span label = new Span(getTranslation("fo.new.attachments"));
		label.setId("attachments-label");
		this.upload.setId("attachments");
		this.upload.setAcceptedFileTypes("application/pdf", ".pdf", "image/png", ".png", "image/jpeg", ".jpg", ".jpeg");
		this.upload.setMaxFileSize((int) Attachments.MAX_BYTES);
		this.upload.setMaxFiles(5);
		this.upload.setI18n(UploadTexts.of(this::getTranslation));
		this.upload.getElement().setAttribute("aria-labelledby", "attachments-label");
		this.upload.addFileRejectedListener((event) -> showUploadError(getTranslation("attachment.type-or-size")));
		this.upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> {
			try {
				this.attachments.check(metadata.fileName(), bytes);
				this.files.add(new NewAttachment(metadata.fileName(), bytes));
				showUploadError(null);
			}
			catch (AttachmentRejectedException ex) {
				showUploadError(getTranslation(ex.reason()) + " (" + metadata.fileName() + ")");
			}
		}));
		// the upload runs in a request of its own; this client event brings its outcome
		// to the page
		// (the upload's own file list is left alone: clearing it would abort a file still
		// uploading)
		this.upload.getElement().addEventListener("upload-response", (event) -> {
			this.acceptedFiles.setText(this.files.isEmpty() ? "" : getTranslation("fo.new.attached") + " "
					+ String.join(", ", this.files.stream().map(NewAttachment::fileName).toList()));
		});
		this.acceptedFiles.setId("accepted-files");
		this.uploadError.setId("attachment-error");
		this.uploadError.getElement().setAttribute("role", "alert");
		this.uploadError.getStyle().set("color", "var(--lumo-error-text-color)");
		VerticalLayout field = new VerticalLayout(label, this.upload, this.acceptedFiles, this.uploadError);
		field.setPadding(false);
		field.setSpacing(false);
		return field;
	}

	private void showUploadError(String message) {
		this.uploadError.setText((message != null) ? message : "");
	}

	/** Opens the case; answers whether it did (false: something to fix). */
	private boolean open() {
		this.fields.values().forEach((field) -> field.setInvalid(false));
		IntakeRequest request = new IntakeRequest(this.channel.getValue(),
				(this.topic.getValue() != null) ? this.topic.getValue().code() : null, this.description.getValue(),
				this.municipality.getValue(),
				new IntakeRequest.Citizen(this.name.getValue(), blankToNull(this.phone.getValue()),
						blankToNull(this.email.getValue()), this.smsConsent.getValue(), this.language.getValue()),
				new LinkedHashSet<>(this.flags.getValue()), Set.copyOf(this.needs.getValue()));
		Set<ConstraintViolation<IntakeRequest>> violations;
		// validation messages in the user's language, not the server's
		LocaleContextHolder.setLocale(getLocale());
		try {
			violations = this.validator.validate(request);
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
		if (!violations.isEmpty()) {
			violations
				.forEach((violation) -> markInvalid(violation.getPropertyPath().toString(), violation.getMessage()));
			error(getTranslation("fo.new.fix-fields"));
			return false;
		}
		try {
			show(org.sportello.Retried.onDeadlock("Opening a case",
					() -> this.intake.open(request, this.user, java.util.List.copyOf(this.files))));
			this.files.clear();
			this.acceptedFiles.setText("");
			this.upload.clearFileList();
			// the form is ready for the next citizen; this one's case is shown below
			clearForm();
			this.openButton.setEnabled(false);
			return true;
		}
		catch (InvalidRequestException ex) {
			markInvalid(ex.field(), getTranslation("error." + ex.code()));
			error(getTranslation("fo.new.fix-fields"));
			return false;
		}
	}

	/**
	 * Cases of the same citizen (by phone or email) that the operator may read, with
	 * links: a repeated request is better linked to the first than opened again blindly.
	 */
	private void showEarlierCases(Cases cases) {
		this.earlier.removeAll();
		String phone = PhoneNumbers.normalize(this.phone.getValue());
		String email = blankToNull(this.email.getValue());
		if (phone == null && email == null) {
			return;
		}
		List<CaseSummary> found = cases.earlierCases(phone, email, this.user);
		if (found.isEmpty()) {
			return;
		}
		var when = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT)
			.withLocale(getLocale())
			.withZone(ZoneId.of("Europe/Rome"));
		UnorderedList list = new UnorderedList();
		for (CaseSummary kase : found) {
			list.add(new ListItem(new Anchor("cases/" + kase.trackingCode(), kase.trackingCode() + " - "
					+ when.format(kase.createdAt()) + " - " + getTranslation("status." + kase.status().name()))));
		}
		this.earlier.add(new Paragraph(getTranslation("fo.new.earlier")), list);
	}

	private void clearForm() {
		this.description.clear();
		this.municipality.clear();
		this.name.clear();
		this.phone.clear();
		this.email.clear();
		this.smsConsent.clear();
		this.flags.clear();
		this.needs.clear();
		this.topic.clear();
		// an emptied form is not a wrong one
		this.fields.values().forEach((field) -> field.setInvalid(false));
	}

	private void markInvalid(String path, String message) {
		com.vaadin.flow.component.HasValidation field = this.fields.get(path);
		if (field != null) {
			field.setErrorMessage(message);
			field.setInvalid(true);
		}
	}

	/**
	 * The citizen's receipt (code, PIN, how to follow), made now: the PIN is not known
	 * later. In the language the citizen chose.
	 */
	private Anchor receiptLink(OpenedCase opened) {
		Locale language = "en".equals(this.language.getValue()) ? Locale.ENGLISH : Locale.ITALIAN;
		String name = "ricevuta-" + opened.trackingCode() + ".pdf";
		Anchor link = new Anchor(DownloadHandler.fromInputStream((event) -> {
			byte[] pdf = this.receipts.pdf(opened, language);
			return new DownloadResponse(new java.io.ByteArrayInputStream(pdf), name, "application/pdf", pdf.length);
		}), AttachmentType.DOWNLOAD, getTranslation("fo.new.receipt"));
		link.setId("case-receipt");
		return link;
	}

	private void show(OpenedCase opened) {
		closeError();
		this.result.removeAll();
		Span code = new Span(opened.trackingCode());
		code.setId("tracking-code");
		code.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "bold");
		Span pin = new Span(opened.pin());
		pin.setId("pin");
		pin.getStyle().set("font-size", "var(--lumo-font-size-xl)");
		Span status = new Span(getTranslation("status." + opened.status().name()));
		status.setId("case-status");
		TextArea note = new TextArea(getTranslation("fo.new.note"));
		note.setId("triage-note");
		note.setWidth("40em");
		Select<ClassLabel> outcome = outcomeSelect();
		Button resolve = new Button(getTranslation("fo.new.resolve"),
				(click) -> triage(
						() -> this.intake.resolve(opened.trackingCode(), note.getValue(), codeOf(outcome), this.user),
						note, status, "RISOLTA", click.getSource()));
		resolve.setId("resolve-case");
		Button forward = new Button(getTranslation("fo.new.forward"), (click) -> {
			triage(() -> this.intake.forward(opened.trackingCode(), note.getValue(), this.user), note, status,
					"INOLTRATA", click.getSource());
			// the operator can tell the citizen who has the request now
			List<String> administrations = this.cases.inChargeNames(opened.caseId());
			if (!administrations.isEmpty() && getTranslation("fo.new.done.INOLTRATA").equals(status.getText())) {
				status.setText(getTranslation("fo.new.forwarded-to", String.join(", ", administrations)));
			}
		});
		forward.setId("forward-case");
		resolve.setDisableOnClick(true);
		forward.setDisableOnClick(true);
		HorizontalLayout actions = new HorizontalLayout(resolve, forward);
		this.current = opened;
		this.currentStatus = status;
		this.currentActions = actions;
		this.currentNote = note;
		this.currentOutcome = outcome;
		this.result.add(new H3(getTranslation("fo.new.opened")), new Paragraph(getTranslation("fo.new.tell-citizen")),
				new Paragraph(new Span(getTranslation("fo.new.code") + " "), code),
				new Paragraph(new Span(getTranslation("fo.new.pin") + " "), pin),
				new Paragraph(new Span(getTranslation("fo.new.status") + " "), status), receiptLink(opened), note,
				outcome, actions);
		this.result.scrollIntoView();
	}

	/**
	 * Closes the citizen's request on the spot with a knowledge base answer: the case is
	 * opened first if it is not yet, then resolved with the article's text, which reaches
	 * the citizen like any answer, and linked to the article.
	 */
	private void resolveWith(Article article) {
		if (this.current == null && !open()) {
			return;
		}
		OpenedCase opened = this.current;
		try {
			this.intake.resolve(opened.trackingCode(), ArticleText.plain(article.answer()), codeOf(this.currentOutcome),
					this.user);
			this.knowledge.usedFor(opened.caseId(), article.id());
			this.currentStatus.setText(getTranslation("fo.new.resolved-with", article.question()));
			this.currentNote.setEnabled(false);
			this.currentOutcome.setEnabled(false);
			this.currentActions.getChildren()
				.filter(Button.class::isInstance)
				.forEach((button) -> ((Button) button).setEnabled(false));
			this.current = null;
		}
		catch (TriageNotOpenException ex) {
			error(getTranslation("error.triage-not-open"));
		}
	}

	/**
	 * The shared list of outcome classes; "information given" (most on-the-spot answers)
	 * is chosen until the operator picks another.
	 */
	private Select<ClassLabel> outcomeSelect() {
		Select<ClassLabel> outcome = new Select<>();
		outcome.setId("outcome-class");
		outcome.setLabel(getTranslation("fo.new.outcome-class"));
		outcome.setHelperText(getTranslation("fo.new.outcome-class-help"));
		outcome.setWidth("40em");
		List<ClassLabel> classes = this.classification.activeOutcomeClasses();
		outcome.setItems(classes);
		outcome.setItemLabelGenerator((entry) -> entry.label(getLocale()));
		classes.stream()
			.filter((entry) -> "INFORMATION_GIVEN".equals(entry.code()))
			.findFirst()
			.or(() -> classes.stream().findFirst())
			.ifPresent(outcome::setValue);
		return outcome;
	}

	private static String codeOf(Select<ClassLabel> outcome) {
		return (outcome.getValue() != null) ? outcome.getValue().code() : null;
	}

	/** Resolve or forward: done once, then both buttons stay disabled. */
	private void triage(Runnable action, TextArea note, Span status, String outcome, Button clicked) {
		try {
			action.run();
			this.current = null;
			status.setText(getTranslation("fo.new.done." + outcome));
			note.setEnabled(false);
			clicked.getParent()
				.ifPresent((buttons) -> buttons.getChildren()
					.filter(Button.class::isInstance)
					.forEach((button) -> ((Button) button).setEnabled(false)));
		}
		catch (InvalidRequestException ex) {
			note.setErrorMessage(getTranslation("error." + ex.code()));
			note.setInvalid(true);
			clicked.setEnabled(true);
		}
		catch (TriageNotOpenException ex) {
			error(getTranslation("error.triage-not-open"));
		}
	}

	private void error(String message) {
		closeError();
		this.lastError = Notification.show(message, 5000, Notification.Position.MIDDLE);
		this.lastError.addThemeVariants(NotificationVariant.LUMO_ERROR);
	}

	private void closeError() {
		if (this.lastError != null) {
			this.lastError.close();
			this.lastError = null;
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	@Override
	public String getPageTitle() {
		return getTranslation("fo.new.title");
	}

}
