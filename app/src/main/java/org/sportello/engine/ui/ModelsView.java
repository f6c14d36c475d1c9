package org.sportello.engine.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.sportello.engine.DeployedModel;
import org.sportello.engine.ModelCatalog;
import org.sportello.security.Roles;
import org.sportello.tasklist.FormPreview;
import org.sportello.tasklist.TaskForms;
import org.sportello.web.BpmnViewer;

/**
 * Models page: what is deployed on the engine (process, decision and form definitions
 * with their versions) and the diagram of the selected process.
 */
@Route("models")
@RolesAllowed({ Roles.DESIGNER, Roles.ADMIN })
public class ModelsView extends VerticalLayout implements HasDynamicTitle {

	private static final ZoneId ROME = ZoneId.of("Europe/Rome");

	private final ModelCatalog catalog;

	private final Grid<DeployedModel> grid = new Grid<>();

	private final BpmnViewer diagram = new BpmnViewer();

	private final Paragraph diagramHint = new Paragraph();

	private final FormPreview formPreview;

	ModelsView(ModelCatalog catalog, TaskForms forms, ObjectMapper json) {
		this.catalog = catalog;
		this.formPreview = new FormPreview(forms, json);
		this.formPreview.setVisible(false);
		setSizeFull();
		add(new H2(getTranslation("models.title")));
		add(new Paragraph(getTranslation("models.intro")));
		configureGrid();
		this.diagramHint.setText(getTranslation("models.select"));
		this.diagramHint.setId("diagram-hint");
		this.diagram.setId("diagram");
		this.diagram.setVisible(false);
		this.diagram.addErrorListener(
				(event) -> this.diagramHint.setText(getTranslation("models.diagram-error", event.getMessage())));
		add(this.grid, this.diagramHint, this.diagram, this.formPreview);
		// the page scrolls; the list keeps its height above a tall form
		setFlexShrink(0, this.grid, this.formPreview);
		this.grid.setItems(catalog.models());
	}

	private void configureGrid() {
		DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
			.withLocale(getLocale())
			.withZone(ROME);
		this.grid.setId("models");
		this.grid.setAriaLabel(getTranslation("models.title"));
		this.grid.addColumn((model) -> getTranslation("models.kind." + model.kind().name().toLowerCase()))
			.setHeader(getTranslation("models.kind"))
			.setAutoWidth(true);
		this.grid.addColumn(DeployedModel::key).setHeader(getTranslation("models.key")).setAutoWidth(true);
		this.grid.addColumn(DeployedModel::name).setHeader(getTranslation("models.name")).setFlexGrow(1);
		this.grid.addColumn(DeployedModel::version).setHeader(getTranslation("models.version")).setAutoWidth(true);
		this.grid.addColumn(DeployedModel::resourceName)
			.setHeader(getTranslation("models.resource"))
			.setAutoWidth(true);
		this.grid.addColumn((model) -> (model.deployedAt() != null) ? when.format(model.deployedAt()) : "")
			.setHeader(getTranslation("models.deployed-at"))
			.setAutoWidth(true);
		this.grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		this.grid.setHeight("320px");
		this.grid.asSingleSelect().addValueChangeListener((event) -> show(event.getValue()));
	}

	private void show(DeployedModel model) {
		this.formPreview.setVisible(false);
		if (model != null && model.kind() == DeployedModel.Kind.FORM) {
			this.diagram.setVisible(false);
			this.catalog.formJson(model).ifPresentOrElse((json) -> {
				this.diagramHint.setText(getTranslation("models.form-of", model.key(), model.version()));
				this.formPreview.show(json);
				this.formPreview.setVisible(true);
			}, () -> this.diagramHint.setText(getTranslation("models.gone")));
			return;
		}
		if (model == null || model.kind() != DeployedModel.Kind.PROCESS) {
			this.diagram.setVisible(false);
			this.diagramHint.setText(getTranslation((model == null) ? "models.select" : "models.no-diagram"));
			return;
		}
		this.catalog.bpmnXml(model.id()).ifPresentOrElse((xml) -> {
			this.diagramHint.setText(getTranslation("models.diagram-of", model.name(), model.version()));
			this.diagram.setXml(xml);
			this.diagram.setVisible(true);
		}, () -> this.diagramHint.setText(getTranslation("models.gone")));
	}

	@Override
	public String getPageTitle() {
		return getTranslation("models.title");
	}

}
