package org.sportello.tasklist;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.sportello.web.FormViewer;

/**
 * A Camunda Form as the tasklist shows it, for the designer: rendered by the same viewer,
 * in the user's language, and tried: "Prova il modulo" checks the data in the browser and
 * then on the server with the rules that guard every task ({@link FormValidator}), and
 * shows both verdicts and what would reach the engine.
 */
public class FormPreview extends VerticalLayout {

	private final ObjectMapper json;

	private final TaskForms forms;

	private final FormViewer viewer = new FormViewer();

	private final Paragraph verdict = new Paragraph();

	private final Pre engineData = new Pre();

	private JsonNode schema;

	public FormPreview(TaskForms forms, ObjectMapper json) {
		this.forms = forms;
		this.json = json;
		setPadding(false);
		setId("form-preview");
		this.viewer.setId("preview-form");
		this.verdict.setId("preview-verdict");
		this.verdict.getElement().setAttribute("aria-live", "polite");
		this.engineData.setId("preview-data");
		this.engineData.setVisible(false);
		Button tryIt = new Button(getTranslation("preview.try"), (event) -> this.viewer.submit());
		tryIt.setId("preview-try");
		this.viewer.addInvalidListener((event) -> {
			this.verdict.setText(getTranslation("preview.browser-refused", event.fields()));
			this.engineData.setVisible(false);
		});
		this.viewer.addSubmitListener((event) -> serverVerdict(event.data()));
		add(this.viewer, tryIt, this.verdict, this.engineData);
	}

	/** Shows the form (its JSON as deployed). */
	public void show(String schemaJson) {
		this.schema = this.forms.parsed(schemaJson);
		this.verdict.setText("");
		this.engineData.setVisible(false);
		this.viewer.show(this.forms.inLanguage(schemaJson, getLocale()), "{}");
	}

	private void serverVerdict(String data) {
		Map<String, Object> submitted;
		try {
			submitted = this.json.readValue(data, new TypeReference<Map<String, Object>>() {
			});
		}
		catch (IOException ex) {
			this.verdict.setText(getTranslation("preview.server-refused", "JSON"));
			return;
		}
		FormValidator.Result result = FormValidator.validate(this.schema, submitted, Map.of());
		if (!result.valid()) {
			this.verdict.setText(getTranslation("preview.server-refused",
					String.join(", ", result.errors().stream().map(FormValidator.FieldError::key).toList())));
			this.engineData.setVisible(false);
			return;
		}
		this.verdict.setText(getTranslation("preview.accepted"));
		try {
			this.engineData.setText(this.json.writerWithDefaultPrettyPrinter().writeValueAsString(result.data()));
		}
		catch (IOException ex) {
			this.engineData.setText(String.valueOf(result.data()));
		}
		this.engineData.setVisible(true);
	}

}
