package org.sportello.portal.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.sportello.cases.Attachments;
import org.sportello.cases.FreeText;
import org.sportello.documents.DocumentRequestList;
import org.sportello.documents.ReplyForm;
import org.sportello.cases.Rating;
import org.sportello.cases.RatingRefusedException;
import org.sportello.portal.PublicTracking;
import org.sportello.portal.TooManyAttemptsException;
import org.sportello.portal.TrackedCase;
import org.sportello.portal.TrackingRefusedException;
import org.sportello.web.PageLanguage;

/**
 * The citizen's tracking page, no login: tracking code and PIN give the status, the
 * administrations in charge and the public timeline; a finished case can be rated with
 * three emoticons and a comment. Italian or English, one column on a phone.
 */
@Route(value = "track", autoLayout = false)
@AnonymousAllowed
public class TrackView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

	private final transient PublicTracking tracking;

	private final transient Attachments attachments;

	private final TextField code = new TextField();

	private final PasswordField pin = new PasswordField();

	private final Paragraph error = new Paragraph();

	private final Div result = new Div();

	/** The case on screen, if any (kept to show it again in the other language). */
	private transient TrackedCase shown;

	TrackView(PublicTracking tracking, Attachments attachments) {
		this.tracking = tracking;
		this.attachments = attachments;
		setMaxWidth("40em");
		getStyle().set("margin", "0 auto");
		build();
	}

	private void build() {
		removeAll();
		Button language = new Button(getTranslation("track.other-language"), (click) -> {
			UI.getCurrent().setLocale(getLocale().getLanguage().equals("en") ? Locale.ITALIAN : Locale.UK);
			PageLanguage.apply(UI.getCurrent());
			String keep = this.code.getValue();
			build();
			this.code.setValue(keep);
			// a result already shown follows the language too
			if (this.shown != null) {
				render(this.shown);
			}
		});
		language.setId("language-toggle");
		language.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
		add(language, new H1(getTranslation("track.title")), new Paragraph(getTranslation("track.intro")));
		this.code.setId("track-code");
		this.code.setLabel(getTranslation("track.code"));
		this.code.setPlaceholder("SPT-XXXX-XXXX");
		this.code.setMaxLength(20);
		this.code.setWidthFull();
		this.pin.setId("track-pin");
		this.pin.setLabel(getTranslation("track.pin"));
		this.pin.setMaxLength(6);
		this.pin.setWidthFull();
		Button show = new Button(getTranslation("track.show"), (click) -> show());
		show.setId("track-button");
		show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		show.addClickShortcut(Key.ENTER);
		this.error.setId("track-error");
		this.error.getElement().setAttribute("role", "alert");
		this.error.getStyle().set("color", "var(--lumo-error-text-color)");
		this.result.setId("track-result");
		this.result.setWidthFull();
		add(this.code, this.pin, show, this.error, this.result);
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		event.getLocation().getQueryParameters().getSingleParameter("code").ifPresent(this.code::setValue);
	}

	@Override
	public String getPageTitle() {
		return getTranslation("track.title");
	}

	private void show() {
		this.error.setText("");
		this.result.removeAll();
		this.shown = null;
		try {
			render(this.tracking.track(this.code.getValue(), this.pin.getValue(), clientAddress()));
		}
		catch (TrackingRefusedException ex) {
			this.error.setText(getTranslation("track.refused"));
		}
		catch (TooManyAttemptsException ex) {
			this.error.setText(getTranslation("track.too-many", Math.max(1, ex.retryAfter().toMinutes())));
		}
	}

	private void render(TrackedCase kase) {
		this.shown = kase;
		this.result.removeAll();
		DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(getLocale())
			.withZone(ZoneId.of("Europe/Rome"));
		H2 status = new H2(getTranslation("status." + kase.status().name()));
		status.setId("track-status");
		this.result.add(new Paragraph(getTranslation("track.request", kase.trackingCode())), status);
		if (!kase.inCharge().isEmpty()) {
			Paragraph office = new Paragraph(getTranslation("track.in-charge", String.join(", ", kase.inCharge())));
			office.setId("track-in-charge");
			this.result.add(office);
		}
		// a request for documents is shown once: in its own box, with what it asks, by
		// when
		java.util.List<TrackedCase.Answer> shownAnswers = kase.answers()
			.stream()
			.filter((answer) -> !(answer.kind() == org.sportello.cases.CaseAnswer.Kind.REQUEST_INFO && kase
				.documentRequests()
				.stream()
				.anyMatch((request) -> java.util.Objects.equals(request.administration(), answer.administration()))))
			.toList();
		if (!shownAnswers.isEmpty()) {
			Div answers = new Div();
			answers.setId("track-answers");
			answers.add(new H3(getTranslation("track.answers")));
			for (TrackedCase.Answer answer : shownAnswers) {
				Div one = new Div();
				one.addClassName("track-answer");
				String who = (answer.administration() != null) ? answer.administration() : getTranslation("app.title");
				Paragraph heading = new Paragraph(
						getTranslation("track.answer." + answer.kind().name(), who, when.format(answer.at())));
				heading.getStyle().set("font-weight", "600").set("margin-bottom", "0");
				// the official's text as written: Vaadin sets it as text, never as markup
				Paragraph text = new Paragraph(answer.text());
				text.getStyle().set("white-space", "pre-line").set("margin-top", "0.25em");
				one.add(heading, text);
				answers.add(one);
			}
			this.result.add(answers);
		}
		documentRequests(kase);
		OrderedList steps = new OrderedList();
		steps.setId("track-timeline");
		steps.getElement().setAttribute("aria-label", getTranslation("track.timeline"));
		for (TrackedCase.Step step : kase.timeline()) {
			String text = switch (step.type()) {
				case STATUS_CHANGED -> getTranslation("status." + step.status().name());
				case TRANSFERRED -> getTranslation("track.step.TRANSFERRED", step.administration());
				// the news of another installation that works the case
				case EXCHANGED -> getTranslation("track.step.EXCHANGED", step.administration(),
						(step.status() != null) ? getTranslation("status." + step.status().name()) : "-");
				default -> getTranslation("track.step." + step.type().name());
			};
			steps.add(new ListItem(when.format(step.at()) + " - " + text));
		}
		this.result.add(new Paragraph(getTranslation("track.timeline")), steps);
		if (kase.rateable()) {
			this.result.add(ratingForm(kase));
		}
		else if (kase.rating() != null) {
			Paragraph rated = new Paragraph(getTranslation("track.rated." + kase.rating().name()));
			rated.setId("track-rated");
			this.result.add(rated);
		}
	}

	/**
	 * What the offices asked for, by when; while one waits, the citizen sends the
	 * documents here with a message.
	 */
	private void documentRequests(TrackedCase kase) {
		if (kase.documentRequests().isEmpty()) {
			return;
		}
		this.result.add(new H3(getTranslation("documents.title")),
				new DocumentRequestList("track-document-requests", kase.documentRequests()));
		if (kase.waitingForCitizen()) {
			this.result.add(new Paragraph(getTranslation("documents.reply.citizen-intro")),
					new ReplyForm("track-reply", this.attachments, (message, files) -> {
						try {
							render(this.tracking.reply(kase.trackingCode(), this.pin.getValue(), message, files,
									clientAddress()));
						}
						catch (TrackingRefusedException ex) {
							this.error.setText(getTranslation("track.refused"));
							return false;
						}
						catch (TooManyAttemptsException ex) {
							this.error
								.setText(getTranslation("track.too-many", Math.max(1, ex.retryAfter().toMinutes())));
							return false;
						}
						Paragraph sent = new Paragraph(getTranslation("documents.reply.sent"));
						sent.setId("track-reply-sent");
						sent.getElement().setAttribute("role", "status");
						this.result.addComponentAsFirst(sent);
						return true;
					}));
		}
	}

	private Div ratingForm(TrackedCase kase) {
		Div form = new Div();
		form.setId("rating");
		TextArea comment = new TextArea(getTranslation("track.comment"));
		comment.setId("rating-comment");
		comment.setMaxLength(1000);
		comment.setWidthFull();
		HorizontalLayout faces = new HorizontalLayout();
		for (Rating.Value value : Rating.Value.values()) {
			String emoji = switch (value) {
				case POSITIVE -> "😊";
				case NEUTRAL -> "😐";
				case NEGATIVE -> "☹️";
			};
			Button face = new Button(emoji + " " + getTranslation("track.rating." + value.name()),
					(click) -> rate(kase, value, comment.getValue()));
			face.setId("rate-" + value.name().toLowerCase(Locale.ROOT));
			face.getElement().setAttribute("aria-label", getTranslation("track.rating." + value.name()));
			faces.add(face);
		}
		faces.setWrap(true);
		form.add(new H2(getTranslation("track.rate")), comment, faces);
		return form;
	}

	private void rate(TrackedCase kase, Rating.Value value, String comment) {
		String text = FreeText.normalizeToNull(comment);
		if (!FreeText.fits(text, 0, 1000)) {
			this.error.setText(getTranslation("track.comment-invalid"));
			return;
		}
		try {
			render(this.tracking.rate(kase.trackingCode(), this.pin.getValue(), value, text, clientAddress()));
			this.error.setText("");
		}
		catch (RatingRefusedException ex) {
			this.error.setText(getTranslation("track.rating-refused"));
		}
		catch (TrackingRefusedException ex) {
			this.error.setText(getTranslation("track.refused"));
		}
		catch (TooManyAttemptsException ex) {
			this.error.setText(getTranslation("track.too-many", Math.max(1, ex.retryAfter().toMinutes())));
		}
	}

	private static String clientAddress() {
		VaadinRequest request = VaadinRequest.getCurrent();
		return (request != null) ? request.getRemoteAddr() : "unknown";
	}

}
