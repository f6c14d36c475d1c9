package org.sportello.tasklist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;

import org.springframework.stereotype.Component;

/**
 * The Camunda Form of a task, as deployed (the JSON a designer made in Camunda Modeler),
 * found through the task's {@code camunda:formRef}.
 */
@Component
public class TaskForms {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TaskForms.class);

	private final FormService forms;

	private final TaskService tasks;

	private final ObjectMapper json;

	/** The English texts of forms/texts.en.json, read once. */
	private volatile Map<String, String> english;

	private final java.util.List<TaskFormInput> inputs;

	TaskForms(FormService forms, TaskService tasks, ObjectMapper json, java.util.List<TaskFormInput> inputs) {
		this.inputs = inputs;
		this.forms = forms;
		this.tasks = tasks;
		this.json = json;
	}

	/** The form JSON of the task, if it references a deployed Camunda Form. */
	public Optional<String> schemaOf(String taskId) {
		if (this.forms.getTaskFormData(taskId).getCamundaFormRef() == null) {
			return Optional.empty();
		}
		try (InputStream in = this.forms.getDeployedTaskForm(taskId)) {
			return Optional.of(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The form as the user reads it: in English, the designer's Italian texts (labels,
	 * descriptions, option labels...) replaced from {@code forms/texts.en.json} where it
	 * has them. Keys, values, validation and conditions stay as designed.
	 */
	public String inLanguage(String schema, java.util.Locale locale) {
		if (!"en".equals(locale.getLanguage())) {
			return schema;
		}
		Map<String, String> texts = englishTexts();
		if (texts.isEmpty()) {
			return schema;
		}
		JsonNode form = parsed(schema).deepCopy();
		translate(form, texts);
		return form.toString();
	}

	private static final Set<String> TEXT_FIELDS = Set.of("label", "description", "dateLabel", "timeLabel", "text",
			"placeholder", "title");

	private static void translate(JsonNode node, Map<String, String> texts) {
		if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
			for (String field : TEXT_FIELDS) {
				JsonNode value = object.get(field);
				if (value != null && value.isTextual() && texts.containsKey(value.asText())) {
					object.put(field, texts.get(value.asText()));
				}
			}
		}
		node.forEach((child) -> translate(child, texts));
	}

	private Map<String, String> englishTexts() {
		Map<String, String> cached = this.english;
		if (cached != null) {
			return cached;
		}
		Map<String, String> texts = new java.util.HashMap<>();
		try (InputStream in = TaskForms.class.getResourceAsStream("/forms/texts.en.json")) {
			if (in != null) {
				this.json.readTree(in).properties().forEach((entry) -> {
					if (!entry.getKey().startsWith("_") && entry.getValue().isTextual()) {
						texts.put(entry.getKey(), entry.getValue().asText());
					}
				});
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.english = Map.copyOf(texts);
		return this.english;
	}

	/** A task's form as deployed, and the data it is shown with ({@link #shown}). */
	public record Shown(String schema, Map<String, Object> input) {
	}

	/**
	 * The data checked against the task's form (as the viewer would), with only the
	 * form's own fields; data of a task without a form pass as they are. The form is
	 * checked as it was shown: with its input ({@link #shown}) from the same
	 * {@code offers}. Throws {@link FormRejectedException} naming every wrong field.
	 */
	Map<String, Object> checked(String taskId, Map<String, Object> data, Map<String, Object> offers) {
		String schema = schemaOf(taskId).orElse(null);
		if (schema == null) {
			return data;
		}
		JsonNode form = parsed(schema);
		FormValidator.Result result = FormValidator.validate(form, data, input(taskId, form, offers));
		if (!result.valid()) {
			log.info("Form data for task {} refused: {}", taskId, result.errors());
			throw new FormRejectedException(result.errors());
		}
		return result.data();
	}

	/**
	 * The task's form and what it is shown with (the viewer's initial data): the process
	 * variables the form names (field keys, group and list paths, {@code valuesKey}, the
	 * names in its FEEL and templates) and what Sportello {@code offers} it, such as the
	 * administrations of a transfer select. Nothing else of the process reaches the
	 * browser.
	 */
	public Optional<Shown> shown(String taskId, Map<String, Object> offers) {
		return schemaOf(taskId).map((schema) -> new Shown(schema, input(taskId, parsed(schema), offers)));
	}

	private Map<String, Object> input(String taskId, JsonNode form, Map<String, Object> offers) {
		Map<String, Object> input = new java.util.LinkedHashMap<>();
		this.tasks.getVariables(taskId, FormVariables.namedIn(form))
			.forEach((name, value) -> input.put(name, plain(value)));
		this.inputs.forEach((provider) -> input.putAll(provider.inputFor(taskId)));
		// an offer of null withholds that variable: the form's default applies
		offers.forEach((name, value) -> {
			if (value == null) {
				input.remove(name);
			}
			else {
				input.put(name, value);
			}
		});
		return input;
	}

	/** A variable as JSON data: Spin JSON as maps and lists, dates as ISO text. */
	private Object plain(Object value) {
		if (value instanceof org.camunda.spin.json.SpinJsonNode node) {
			try {
				return this.json.readValue(node.toString(), Object.class);
			}
			catch (IOException ex) {
				return null;
			}
		}
		if (value instanceof java.util.Date date) {
			return date.toInstant().toString();
		}
		return this.json.convertValue(value, Object.class);
	}

	JsonNode parsed(String schema) {
		try {
			return this.json.readTree(schema);
		}
		catch (IOException ex) {
			throw new IllegalStateException("The task's form is not valid JSON", ex);
		}
	}

}
