package org.sportello.tasklist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;

import org.springframework.stereotype.Component;

/**
 * The Camunda Form of a task, as deployed (the JSON a designer made in Camunda Modeler),
 * found through the task's {@code camunda:formRef}.
 */
@Component
public class TaskForms {

	private final FormService forms;

	private final ObjectMapper json;

	TaskForms(FormService forms, ObjectMapper json) {
		this.forms = forms;
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

	JsonNode parsed(String schema) {
		try {
			return this.json.readTree(schema);
		}
		catch (IOException ex) {
			throw new IllegalStateException("The task's form is not valid JSON", ex);
		}
	}

}
