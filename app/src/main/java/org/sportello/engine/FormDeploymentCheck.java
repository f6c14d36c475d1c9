package org.sportello.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Refuses, before anything of it is stored, a deployment whose Camunda Forms the tasklist
 * cannot show and check as designed, or whose user tasks name a form that does not exist.
 * Camunda Modeler shows the answer (HTTP 400, the engine's parse report) with the file,
 * the element and the reason. Refused:
 * <ul>
 * <li>a form that is not form-js JSON, of a type other than {@code default} (one page),
 * of a schema version newer than the viewer we ship (form-js 1.23: 19);</li>
 * <li>components the viewer does not know, and those the tasklist does not carry to the
 * engine: file pickers and document previews (no files or document endpoints in form
 * data), buttons (the tasklist has its own Complete button), iframes (the pages' security
 * policy frames nothing from elsewhere);</li>
 * <li>two fields bound to the same data path, a {@code pattern} that is not a regular
 * expression, a dynamic list without a {@code path};</li>
 * <li>a user task whose {@code camunda:formRef} (not an expression) names no form of this
 * deployment or of an earlier one.</li>
 * </ul>
 */
class FormDeploymentCheck implements Deployer {

	/** The newest form schema the form-js viewer we ship (1.23) reads. */
	static final int VIEWER_SCHEMA_VERSION = 19;

	private static final Set<String> SHOWN = Set.of("textfield", "textarea", "number", "checkbox", "checklist", "radio",
			"select", "taglist", "datetime", "expression", "group", "dynamiclist", "text", "html", "image", "separator",
			"spacer", "table");

	private static final Map<String, String> REFUSED = Map.of("filepicker",
			"the task list does not carry files in form data: ask for documents with the request for documents",
			"documentPreview", "the task list has no document endpoint for a preview", "button",
			"the task list has its own Complete button", "iframe",
			"the task list's pages do not frame content from other sites");

	private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

	private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	private final ObjectMapper json = new ObjectMapper();

	@Override
	public void deploy(DeploymentEntity deployment) {
		Map<String, ResourceEntity> resources = deployment.getResources();
		if (resources == null) {
			return;
		}
		Map<String, List<Problem>> problems = new LinkedHashMap<>();
		Set<String> formIds = new HashSet<>();
		resources.values()
			.stream()
			.filter((resource) -> resource.getName().endsWith(".form"))
			.forEach((resource) -> checkForm(resource, formIds, problems));
		resources.values()
			.stream()
			.filter((resource) -> resource.getName().endsWith(".bpmn") || resource.getName().endsWith(".bpmn20.xml"))
			.forEach((resource) -> checkFormRefs(resource, formIds, problems));
		if (problems.isEmpty()) {
			return;
		}
		StringBuilder message = new StringBuilder("Deployment refused by Sportello:");
		problems.forEach((name, list) -> list
			.forEach((problem) -> message.append("\n").append(name).append(": ").append(problem.getMessage())));
		Map.Entry<String, List<Problem>> first = problems.entrySet().iterator().next();
		throw new ParseException(message.toString(), first.getKey(), first.getValue(), List.of());
	}

	private void checkForm(ResourceEntity resource, Set<String> formIds, Map<String, List<Problem>> problems) {
		List<Problem> found = new ArrayList<>();
		JsonNode form;
		try {
			form = this.json.readTree(new String(resource.getBytes(), StandardCharsets.UTF_8));
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			found.add(new FormProblem("the file is not form JSON: " + ex.getOriginalMessage(), null));
			problems.put(resource.getName(), found);
			return;
		}
		if (form == null || !form.isObject() || !form.path("components").isArray()) {
			found.add(new FormProblem("the file is not a Camunda Form (no components)", null));
			problems.put(resource.getName(), found);
			return;
		}
		String id = form.path("id").asText("");
		if (id.isBlank()) {
			found.add(new FormProblem("the form has no id, so no user task can name it", null));
		}
		formIds.add(id);
		String type = form.path("type").asText("default");
		if (!"default".equals(type)) {
			found.add(new FormProblem("form type '" + type + "' is not shown by the task list (one-page forms only)",
					id));
		}
		int version = form.path("schemaVersion").asInt(0);
		if (version > VIEWER_SCHEMA_VERSION) {
			found.add(new FormProblem("schema version " + version + " is newer than the task list's form viewer reads ("
					+ VIEWER_SCHEMA_VERSION + ", form-js 1.23): save it for Camunda Platform 7.24", id));
		}
		checkComponents(form.path("components"), "", new HashSet<>(), found);
		if (!found.isEmpty()) {
			problems.put(resource.getName(), found);
		}
	}

	private void checkComponents(JsonNode components, String path, Set<String> paths, List<Problem> found) {
		for (JsonNode component : components) {
			String type = component.path("type").asText("");
			String element = component.path("id").asText(component.path("key").asText(type));
			if (REFUSED.containsKey(type)) {
				found.add(new FormProblem("component '" + element + "' of type " + type + ": " + REFUSED.get(type),
						element));
				continue;
			}
			if (!SHOWN.contains(type)) {
				found.add(new FormProblem(
						"component '" + element + "' of type '" + type + "' is unknown to the task list's form viewer",
						element));
				continue;
			}
			String key = component.path("key").asText("");
			if (!key.isEmpty()) {
				String bound = path + key;
				if (!paths.add(bound)) {
					found.add(new FormProblem("two fields are bound to '" + bound + "'", element));
				}
			}
			String pattern = component.path("validate").path("pattern").asText("");
			if (!pattern.isEmpty()) {
				try {
					Pattern.compile(pattern);
				}
				catch (PatternSyntaxException ex) {
					found.add(new FormProblem(
							"field '" + element + "': the pattern " + pattern + " is not a regular expression",
							element));
				}
			}
			if ("dynamiclist".equals(type) && component.path("path").asText("").isBlank()) {
				found.add(new FormProblem("dynamic list '" + element + "' has no path for its items", element));
			}
			if (component.has("components")) {
				String inner = component.path("path").asText("");
				checkComponents(component.path("components"), inner.isEmpty() ? path : path + inner + ".", paths,
						found);
			}
		}
	}

	private void checkFormRefs(ResourceEntity resource, Set<String> formIds, Map<String, List<Problem>> problems) {
		NodeList tasks;
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			tasks = factory.newDocumentBuilder()
				.parse(new ByteArrayInputStream(resource.getBytes()))
				.getElementsByTagNameNS(BPMN_NS, "userTask");
		}
		catch (ParserConfigurationException | SAXException | IOException ex) {
			// the engine's BPMN parser reports what is wrong with the file itself
			return;
		}
		List<Problem> found = new ArrayList<>();
		for (int i = 0; i < tasks.getLength(); i++) {
			Element task = (Element) tasks.item(i);
			String ref = task.getAttributeNS(CAMUNDA_NS, "formRef");
			if (ref.isBlank() || ref.contains("${") || ref.contains("#{") || formIds.contains(ref)) {
				continue;
			}
			boolean deployedBefore = Context.getCommandContext() != null && Context.getCommandContext()
				.getCamundaFormDefinitionManager()
				.findLatestDefinitionByKey(ref) != null;
			if (!deployedBefore) {
				found.add(new FormProblem(
						"user task '" + task.getAttribute("id") + "' names form '" + ref
								+ "' (camunda:formRef), which is neither in this deployment nor deployed before",
						task.getAttribute("id")));
			}
		}
		if (!found.isEmpty()) {
			problems.put(resource.getName(), found);
		}
	}

	/** A reason a model is refused, with the element it is about. */
	record FormProblem(String message, String element) implements Problem {

		@Override
		public String getMessage() {
			return this.message;
		}

		@Override
		public int getLine() {
			return 0;
		}

		@Override
		public int getColumn() {
			return 0;
		}

		@Override
		public String getMainElementId() {
			return this.element;
		}

		@Override
		public List<String> getElementIds() {
			return (this.element != null) ? List.of(this.element) : List.of();
		}

	}

}
