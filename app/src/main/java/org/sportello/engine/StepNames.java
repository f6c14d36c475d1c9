package org.sportello.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

import org.springframework.stereotype.Component;

/**
 * The names of process steps (tasks, the steps that change what the citizen sees) in the
 * reader's language. Designers name a step in Italian and give its name in another
 * language as the extension property {@code name.<language>} ({@code name.en}: Camunda
 * Modeler, "Extension properties"). Task rows and the timeline keep the name as the step
 * had it, so a name is translated by its text, through the latest version of every
 * deployed process; a name without a translation, or in Italian, stays as written.
 */
@Component
public class StepNames {

	static final String PROPERTY_PREFIX = "name.";

	/** Other nodes' deployments are seen within this time, as the latest definitions. */
	private static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(LatestDefinitions.RECHECK_SECONDS);

	private record Dictionary(List<String> definitionIds, Map<String, Map<String, String>> byLanguage, long checkedAt,
			long deployments) {
	}

	private final RepositoryService repository;

	private final LatestDefinitions latest;

	private volatile Dictionary dictionary;

	StepNames(RepositoryService repository, LatestDefinitions latest) {
		this.repository = repository;
		this.latest = latest;
	}

	/** The step's name in the language of {@code locale}, or as written. */
	public String of(String name, Locale locale) {
		if (name == null || locale == null) {
			return name;
		}
		String plain = plain(name);
		return (plain == null) ? name : namesIn(locale).getOrDefault(plain, name);
	}

	/**
	 * A timeline's detail that starts with a step's name ("Lavorazione back office: the
	 * official's note"): the name in the reader's language, the rest as written.
	 */
	public String ofDetail(String detail, Locale locale) {
		if (detail == null || locale == null) {
			return detail;
		}
		Map<String, String> names = namesIn(locale);
		String whole = names.get(detail);
		if (whole != null) {
			return whole;
		}
		int colon = detail.indexOf(": ");
		String translated = (colon > 0) ? names.get(detail.substring(0, colon)) : null;
		return (translated != null) ? translated + detail.substring(colon) : detail;
	}

	/**
	 * A step's name on one line (Modeler writes a label's line breaks into the name), or
	 * null for none: as the timeline keeps it and as it is looked up.
	 */
	static String plain(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		return name.strip().replaceAll("\\s+", " ");
	}

	/** The Italian names and theirs in the locale's language; empty for none. */
	private Map<String, String> namesIn(Locale locale) {
		return dictionary().byLanguage().getOrDefault(locale.getLanguage(), Map.of());
	}

	/**
	 * The names, derived again at once after a deployment on this node, and within
	 * seconds of one on another node (monotonic time, as the latest definitions).
	 */
	private Dictionary dictionary() {
		Dictionary known = this.dictionary;
		long deployments = this.latest.deploymentsHere();
		if (known != null && known.deployments() == deployments
				&& System.nanoTime() - known.checkedAt() < RECHECK_NANOS) {
			return known;
		}
		List<ProcessDefinition> definitions = this.repository.createProcessDefinitionQuery().latestVersion().list();
		List<String> ids = definitions.stream().map(ProcessDefinition::getId).sorted().toList();
		Dictionary fresh = (known != null && known.definitionIds().equals(ids))
				? new Dictionary(ids, known.byLanguage(), System.nanoTime(), deployments)
				: new Dictionary(ids, read(definitions), System.nanoTime(), deployments);
		this.dictionary = fresh;
		return fresh;
	}

	private Map<String, Map<String, String>> read(List<ProcessDefinition> definitions) {
		Map<String, Map<String, String>> byLanguage = new HashMap<>();
		for (ProcessDefinition definition : definitions) {
			for (FlowElement element : this.repository.getBpmnModelInstance(definition.getId())
				.getModelElementsByType(FlowElement.class)) {
				ExtensionElements extensions = element.getExtensionElements();
				String name = plain(element.getName());
				if (name == null || extensions == null) {
					continue;
				}
				for (CamundaProperties properties : extensions.getChildElementsByType(CamundaProperties.class)) {
					for (CamundaProperty property : properties.getCamundaProperties()) {
						String key = property.getCamundaName();
						if (key != null && key.startsWith(PROPERTY_PREFIX) && property.getCamundaValue() != null
								&& !property.getCamundaValue().isBlank()) {
							byLanguage
								.computeIfAbsent(key.substring(PROPERTY_PREFIX.length()).toLowerCase(Locale.ROOT),
										(language) -> new HashMap<>())
								.put(name, plain(property.getCamundaValue()));
						}
					}
				}
			}
		}
		return byLanguage;
	}

}
