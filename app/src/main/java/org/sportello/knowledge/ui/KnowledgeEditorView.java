package org.sportello.knowledge.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Set;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.sportello.cases.Cases;
import org.sportello.cases.Topic;
import org.sportello.knowledge.Article;
import org.sportello.knowledge.ArticleRefusedException;
import org.sportello.knowledge.ArticleReview;
import org.sportello.knowledge.ArticleStatus;
import org.sportello.knowledge.ArticleText;
import org.sportello.knowledge.KnowledgeBase;
import org.sportello.security.Roles;

/**
 * The knowledge base's articles of the administrations a supervisor keeps
 * (administrators: all): write a new one or a new version, see the answer as readers
 * will, save it as a draft, publish or withdraw it. Every save is a new version.
 */
@Route("kb")
@RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN, Roles.KB_EDITOR, Roles.KB_REVIEWER })
public class KnowledgeEditorView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

	private final transient KnowledgeBase knowledge;

	private final String user;

	private final Set<String> kept;

	private final Grid<Article> grid = new Grid<>(Article.class, false);

	private final ComboBox<String> administration = new ComboBox<>();

	private final ComboBox<Topic> topic = new ComboBox<>();

	private final TextField question = new TextField();

	private final TextArea answer = new TextArea();

	private final TextField tags = new TextField();

	private final RadioButtonGroup<Article.Audience> audience = new RadioButtonGroup<>();

	private final RadioButtonGroup<String> language = new RadioButtonGroup<>();

	private final TextField legalBasis = new TextField();

	private final DatePicker validUntil = new DatePicker();

	private final Div preview = new Div();

	private final Paragraph message = new Paragraph();

	/** The reviewers' last note and the next periodic review of the article shown. */
	private final Paragraph reviewNote = new Paragraph();

	private final Button withdraw = new Button();

	private Article editing;

	KnowledgeEditorView(KnowledgeBase knowledge, Cases cases, AuthenticationContext authentication) {
		this.knowledge = knowledge;
		this.user = authentication.getPrincipalName().orElseThrow();
		this.kept = knowledge.keptBy(this.user);
		boolean english = getLocale().getLanguage().equals("en");
		RouterLink measures = new RouterLink(getTranslation("kb.measures.link"), KnowledgeMeasuresView.class);
		measures.setId("kb-measures-link");
		add(new H2(getTranslation("kb.editor.title")), new Paragraph(getTranslation("kb.editor.intro")), measures);
		DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
			.withLocale(getLocale())
			.withZone(ZoneId.of("Europe/Rome"));
		this.grid.setId("kb-articles");
		this.grid.addColumn(Article::question).setHeader(getTranslation("kb.editor.question")).setFlexGrow(4);
		this.grid.addColumn((article) -> getTranslation("kb.status." + article.status().name()))
			.setHeader(getTranslation("kb.editor.status"));
		this.grid.addColumn((article) -> getTranslation("kb.audience." + article.audience().name()))
			.setHeader(getTranslation("kb.editor.audience"));
		this.grid.addColumn((article) -> knowledge.administrationName(article.administrationCode()))
			.setHeader(getTranslation("kb.editor.administration"));
		this.grid.addColumn((article) -> when.format(article.updatedAt()) + " (v" + article.version() + ")")
			.setHeader(getTranslation("kb.editor.updated"))
			.setAutoWidth(true)
			.setFlexGrow(0);
		this.grid.setHeight("18em");
		this.grid.asSingleSelect().addValueChangeListener((event) -> edit(event.getValue()));
		Button create = new Button(getTranslation("kb.editor.new"), (click) -> {
			this.grid.asSingleSelect().clear();
			edit(null);
		});
		create.setId("kb-new");
		this.administration.setLabel(getTranslation("kb.editor.administration"));
		this.administration.setItems(this.kept);
		this.administration.setItemLabelGenerator(knowledge::administrationName);
		this.administration.setId("kb-administration");
		this.topic.setLabel(getTranslation("kb.editor.topic"));
		this.topic.setItems(cases.topics());
		this.topic.setItemLabelGenerator((t) -> english ? t.labelEn() : t.labelIt());
		this.topic.setId("kb-topic");
		this.question.setLabel(getTranslation("kb.editor.question"));
		this.question.setMaxLength(500);
		this.question.setId("kb-question");
		this.answer.setLabel(getTranslation("kb.editor.answer"));
		this.answer.setHelperText(getTranslation("kb.editor.answer-help"));
		this.answer.setMaxLength(4000);
		this.answer.setId("kb-answer");
		this.answer.setValueChangeMode(ValueChangeMode.LAZY);
		this.answer.addValueChangeListener((event) -> {
			this.answer.setInvalid(false);
			showPreview();
		});
		// a corrected field is no longer marked, while the editor types
		this.question.setValueChangeMode(ValueChangeMode.LAZY);
		this.question.addValueChangeListener((event) -> this.question.setInvalid(false));
		this.tags.setLabel(getTranslation("kb.editor.tags"));
		this.tags.setId("kb-tags");
		this.audience.setLabel(getTranslation("kb.editor.audience"));
		this.audience.setItems(Article.Audience.values());
		this.audience.setItemLabelGenerator((a) -> getTranslation("kb.audience." + a.name()));
		this.audience.setId("kb-audience");
		this.language.setLabel(getTranslation("kb.editor.language"));
		this.language.setItems("it", "en");
		this.language.setItemLabelGenerator((code) -> getTranslation("language." + code));
		this.language.setId("kb-language");
		this.legalBasis.setLabel(getTranslation("kb.editor.legal-basis"));
		this.legalBasis.setId("kb-legal-basis");
		this.validUntil.setLabel(getTranslation("kb.editor.valid-until"));
		this.validUntil.setId("kb-valid-until");
		this.preview.setId("kb-preview");
		this.message.setId("kb-message");
		this.message.getElement().setAttribute("role", "status");
		FormLayout form = new FormLayout(this.administration, this.topic, this.question, this.answer, this.tags,
				this.legalBasis, this.audience, this.language, this.validUntil);
		form.setColspan(this.question, 2);
		form.setColspan(this.answer, 2);
		form.setMaxWidth("60em");
		Button draft = new Button(getTranslation("kb.editor.save-draft"), (click) -> save(ArticleStatus.DRAFT));
		draft.setId("kb-save-draft");
		// the reviewers of the owning administration get a task
		// (processes/kb-article.bpmn)
		Button review = new Button(getTranslation("kb.editor.send-for-review"),
				(click) -> save(ArticleStatus.IN_REVIEW));
		review.setId("kb-send-for-review");
		review.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		// supervisors and administrators may still publish at once (urgent notices); the
		// periodic review is scheduled all the same
		Button publish = new Button(getTranslation("kb.editor.publish"), (click) -> save(ArticleStatus.PUBLISHED));
		publish.setId("kb-publish");
		publish.setVisible(authentication.hasAnyRole(Roles.SUPERVISOR, Roles.ADMIN));
		this.reviewNote.setId("kb-review-note");
		this.withdraw.setText(getTranslation("kb.editor.withdraw"));
		this.withdraw.setId("kb-withdraw");
		this.withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR);
		this.withdraw.addClickListener((click) -> {
			this.editing = this.knowledge.move(this.editing.id(), ArticleStatus.WITHDRAWN, this.user);
			done("kb.editor.withdrawn");
		});
		add(create, this.grid, form, new H3(getTranslation("kb.editor.preview")), this.preview, this.reviewNote,
				new HorizontalLayout(draft, review, publish, this.withdraw), this.message);
		refresh();
		edit(null);
	}

	/**
	 * {@code ?article=<id>} opens one of the user's articles (links from the measures).
	 */
	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		event.getLocation()
			.getQueryParameters()
			.getSingleParameter("article")
			.flatMap(this.knowledge::byId)
			.filter((article) -> this.kept.contains(article.administrationCode()))
			.ifPresent(this.grid::select);
	}

	private void refresh() {
		this.grid.setItems(this.knowledge.articlesOf(this.kept));
	}

	private void edit(Article article) {
		this.editing = article;
		this.message.setText("");
		List.of(this.question, this.answer).forEach((field) -> field.setInvalid(false));
		this.administration
			.setValue((article != null) ? article.administrationCode() : this.kept.stream().findFirst().orElse(null));
		this.administration.setReadOnly(article != null);
		this.topic.setValue((article != null && article.topicCode() != null) ? this.topic.getListDataView()
			.getItems()
			.filter((t) -> t.code().equals(article.topicCode()))
			.findFirst()
			.orElse(null) : null);
		this.question.setValue((article != null) ? article.question() : "");
		this.answer.setValue((article != null) ? article.answer() : "");
		this.tags.setValue((article != null && article.tags() != null) ? article.tags() : "");
		this.legalBasis.setValue((article != null && article.legalBasis() != null) ? article.legalBasis() : "");
		this.audience.setValue((article != null) ? article.audience() : Article.Audience.PUBLIC);
		this.language.setValue((article != null) ? article.language() : "it");
		this.validUntil.setValue((article != null) ? article.validUntil() : null);
		this.withdraw.setEnabled(article != null && article.status() != ArticleStatus.WITHDRAWN);
		this.reviewNote.setText((article != null) ? reviewText(article) : "");
		showPreview();
	}

	/** The reviewers' last note and, while published, the day of the next review. */
	private String reviewText(Article article) {
		ArticleReview review = this.knowledge.reviewOf(article.id());
		StringBuilder text = new StringBuilder();
		if (review.note() != null) {
			text.append(getTranslation("kb.editor.review-note", review.note()));
		}
		if (review.nextReview() != null && article.status() == ArticleStatus.PUBLISHED) {
			text.append(' ')
				.append(getTranslation("kb.editor.next-review",
						review.nextReview()
							.format(java.time.format.DateTimeFormatter
								.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
								.withLocale(getLocale()))));
		}
		return text.toString().strip();
	}

	private void showPreview() {
		this.preview.removeAll();
		this.preview
			.add(new com.vaadin.flow.component.Html("<div>" + ArticleText.html(this.answer.getValue()) + "</div>"));
	}

	private void save(ArticleStatus status) {
		List.of(this.question, this.answer).forEach((field) -> field.setInvalid(false));
		try {
			this.editing = this.knowledge.save(new KnowledgeBase.Draft(
					(this.editing != null) ? this.editing.id() : null, null, this.administration.getValue(),
					(this.topic.getValue() != null) ? this.topic.getValue().code() : null, this.audience.getValue(),
					this.language.getValue(), this.question.getValue(), this.answer.getValue(), this.tags.getValue(),
					this.legalBasis.getValue(), null, this.validUntil.getValue()), status, this.user);
			done((status == ArticleStatus.PUBLISHED) ? "kb.editor.published"
					: (status == ArticleStatus.IN_REVIEW) ? "kb.editor.sent-for-review" : "kb.editor.saved");
		}
		catch (ArticleRefusedException ex) {
			if ("question".equals(ex.field())) {
				refused(this.question, 500);
			}
			else if ("answer".equals(ex.field())) {
				refused(this.answer, 4000);
			}
			this.message.setText(getTranslation("kb.editor.refused"));
		}
	}

	private void refused(com.vaadin.flow.component.HasValidation field, int max) {
		field.setErrorMessage(getTranslation("kb.editor.length", 5, max));
		field.setInvalid(true);
	}

	private void done(String key) {
		Article saved = this.editing;
		this.message.setText(getTranslation(key, saved.version()));
		refresh();
		this.withdraw.setEnabled(saved.status() != ArticleStatus.WITHDRAWN);
	}

	@Override
	public String getPageTitle() {
		return getTranslation("kb.editor.title");
	}

}
