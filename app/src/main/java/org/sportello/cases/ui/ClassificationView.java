package org.sportello.cases.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.sportello.cases.ClassLabel;
import org.sportello.cases.Classification;
import org.sportello.security.Roles;

/**
 * The network's shared lists, for administrators and process designers: the outcome
 * classes the front office chooses at closure (add one, rename it, retire it; a retired
 * class stays on the cases that have it) and the topic classes.
 */
@Route("admin/classification")
@RolesAllowed({ Roles.ADMIN, Roles.DESIGNER })
public class ClassificationView extends VerticalLayout implements HasDynamicTitle {

	private final transient Classification classification;

	private final Grid<ClassLabel> outcomes = new Grid<>();

	private final TextField code = new TextField();

	private final TextField labelIt = new TextField();

	private final TextField labelEn = new TextField();

	private final Checkbox active = new Checkbox();

	private final Paragraph status = new Paragraph();

	ClassificationView(Classification classification) {
		this.classification = classification;
		add(new H2(getTranslation("classes.title")), new Paragraph(getTranslation("classes.intro")));

		H3 outcomesHeading = new H3(getTranslation("classes.outcomes"));
		outcomesHeading.setId("classes-outcomes-heading");
		this.outcomes.setId("classes-outcomes");
		this.outcomes.getElement().setAttribute("aria-labelledby", "classes-outcomes-heading");
		this.outcomes.addColumn(ClassLabel::code).setHeader(getTranslation("classes.code")).setAutoWidth(true);
		this.outcomes.addColumn(ClassLabel::labelIt).setHeader(getTranslation("classes.label-it")).setFlexGrow(2);
		this.outcomes.addColumn(ClassLabel::labelEn).setHeader(getTranslation("classes.label-en")).setFlexGrow(2);
		this.outcomes.addColumn((entry) -> getTranslation(entry.active() ? "classes.in-use" : "classes.retired"))
			.setHeader(getTranslation("classes.state"))
			.setAutoWidth(true);
		this.outcomes.addThemeVariants(GridVariant.LUMO_COMPACT);
		this.outcomes.setAllRowsVisible(true);
		this.outcomes.asSingleSelect().addValueChangeListener((event) -> edit(event.getValue()));

		this.code.setId("classes-code");
		this.code.setLabel(getTranslation("classes.code"));
		this.code.setHelperText(getTranslation("classes.code-help"));
		this.code.setMaxLength(40);
		this.labelIt.setId("classes-label-it");
		this.labelIt.setLabel(getTranslation("classes.label-it"));
		this.labelIt.setMaxLength(200);
		this.labelEn.setId("classes-label-en");
		this.labelEn.setLabel(getTranslation("classes.label-en"));
		this.labelEn.setMaxLength(200);
		this.active.setId("classes-active");
		this.active.setLabel(getTranslation("classes.in-use"));
		this.active.setValue(true);
		Button save = new Button(getTranslation("classes.save"), (click) -> save());
		save.setId("classes-save");
		save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		Button blank = new Button(getTranslation("classes.new"), (click) -> this.outcomes.asSingleSelect().clear());
		blank.setId("classes-new");
		FlexLayout form = new FlexLayout(this.code, this.labelIt, this.labelEn, this.active, save, blank);
		form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
		form.setAlignItems(FlexComponent.Alignment.BASELINE);
		form.getStyle().set("gap", "var(--lumo-space-m)");
		this.status.setId("classes-status");
		this.status.getElement().setAttribute("role", "status");

		H3 topicsHeading = new H3(getTranslation("classes.topics"));
		topicsHeading.setId("classes-topics-heading");
		Grid<ClassLabel> topics = new Grid<>();
		topics.setId("classes-topics");
		topics.getElement().setAttribute("aria-labelledby", "classes-topics-heading");
		topics.addColumn(ClassLabel::code).setHeader(getTranslation("classes.code")).setAutoWidth(true);
		topics.addColumn((entry) -> entry.label(getLocale())).setHeader(getTranslation("classes.label")).setFlexGrow(2);
		topics.addThemeVariants(GridVariant.LUMO_COMPACT);
		topics.setAllRowsVisible(true);
		topics.setItems(classification.topicClasses());

		add(outcomesHeading, this.outcomes, form, this.status, topicsHeading,
				new Paragraph(getTranslation("classes.topics-help")), topics);
		refresh();
	}

	private void refresh() {
		this.outcomes.setItems(this.classification.outcomeClasses());
	}

	private void edit(ClassLabel entry) {
		this.code.setValue((entry != null) ? entry.code() : "");
		this.code.setReadOnly(entry != null);
		this.labelIt.setValue((entry != null) ? entry.labelIt() : "");
		this.labelEn.setValue((entry != null) ? entry.labelEn() : "");
		this.active.setValue(entry == null || entry.active());
		this.code.setInvalid(false);
		this.labelIt.setInvalid(false);
		this.labelEn.setInvalid(false);
	}

	private void save() {
		this.code.setInvalid(false);
		this.labelIt.setInvalid(false);
		this.labelEn.setInvalid(false);
		try {
			this.classification.saveOutcomeClass(this.code.getValue().trim(), this.labelIt.getValue(),
					this.labelEn.getValue(), this.active.getValue());
		}
		catch (IllegalArgumentException ex) {
			TextField wrong = switch (ex.getMessage()) {
				case "code" -> this.code;
				case "labelIt" -> this.labelIt;
				default -> this.labelEn;
			};
			wrong.setErrorMessage(getTranslation("classes.invalid." + ex.getMessage()));
			wrong.setInvalid(true);
			this.status.setText(getTranslation("classes.invalid." + ex.getMessage()));
			return;
		}
		this.status.setText(getTranslation("classes.saved", this.code.getValue().trim()));
		refresh();
		this.outcomes.asSingleSelect().clear();
	}

	@Override
	public String getPageTitle() {
		return getTranslation("classes.title");
	}

}
