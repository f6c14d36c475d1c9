package org.sportello.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.sportello.cases.Cases;
import org.sportello.cases.Channel;
import org.sportello.cases.NewAttachment;
import org.sportello.cases.OpenedCase;
import org.sportello.cases.Topic;
import org.sportello.intake.IntakeRequest;
import org.sportello.intake.SelfIntake;
import org.sportello.knowledge.KnowledgeBase;
import org.sportello.tasklist.FormValidator;
import org.sportello.tasklist.TaskForms;

import org.springframework.stereotype.Service;

/**
 * The citizen's web form ({@code /richiesta}): the start form of {@code citizenRequest}
 * as deployed ({@code forms/web-request.form}, which designers change in Camunda
 * Modeler), offered with the topics of the catalogue ({@code valuesKey: "topics"}) in the
 * reader's language, checked on the server with the rules of every Camunda Form
 * ({@link FormValidator}), then opened like any request ({@link SelfIntake}, channel
 * WEB_FORM). The form's fields that Sportello reads are {@code topic},
 * {@code description}, {@code name}, {@code email}, {@code phone}, {@code smsConsent} and
 * {@code privacyConsent}; a designer may add others, which are checked and not stored.
 */
@Service
public class WebRequests {

	static final String PROCESS_KEY = "citizenRequest";

	private final FormService forms;

	private final RepositoryService repository;

	private final TaskForms texts;

	private final Cases cases;

	private final SelfIntake intake;

	private final KnowledgeBase knowledge;

	private final ObjectMapper json;

	WebRequests(FormService forms, RepositoryService repository, TaskForms texts, Cases cases, SelfIntake intake,
			KnowledgeBase knowledge, ObjectMapper json) {
		this.forms = forms;
		this.repository = repository;
		this.texts = texts;
		this.cases = cases;
		this.intake = intake;
		this.knowledge = knowledge;
		this.json = json;
	}

	/** The form to show: its JSON in the reader's language, and its input. */
	public record Shown(String schema, Map<String, Object> input) {
	}

	/** The form as deployed now, in the reader's language, with the topics to offer. */
	public Shown shown(Locale locale) {
		Map<String, Object> input = new HashMap<>();
		input.put("topics", topics(locale));
		input.put("smsConsent", false);
		return new Shown(this.texts.inLanguage(deployedForm(), locale), input);
	}

	/**
	 * Public FAQ articles that may answer the request before it is sent (at most three).
	 */
	public List<KnowledgeBase.Found> suggestions(Map<String, Object> data) {
		Object description = data.get("description");
		Object topic = data.get("topic");
		if (!(description instanceof String text) || text.isBlank()) {
			return List.of();
		}
		return this.knowledge.publicSuggestions(text, (topic instanceof String code) ? code : null, 3);
	}

	/**
	 * Checks the data against the deployed form and opens the case: throws
	 * {@link WebRequestRefusedException} with the fields at fault (nothing stored),
	 * {@link org.sportello.intake.SelfIntakeLimitedException} past the per-address limit,
	 * or answers the new case's code and PIN.
	 */
	public OpenedCase submit(Map<String, Object> data, List<NewAttachment> files, String clientAddress, Locale locale) {
		JsonNode form = parse(deployedForm());
		FormValidator.Result result = FormValidator.validate(form, data, Map.of("topics", topics(locale)));
		if (!result.valid()) {
			throw new WebRequestRefusedException(result.errors()
				.stream()
				.map((error) -> new WebRequestRefusedException.Field(error.key(), error.code()))
				.toList());
		}
		Map<String, Object> checked = result.data();
		if (!Boolean.TRUE.equals(checked.get("privacyConsent"))) {
			throw new WebRequestRefusedException(
					List.of(new WebRequestRefusedException.Field("privacyConsent", "required")));
		}
		IntakeRequest request = new IntakeRequest(Channel.WEB_FORM, text(checked, "topic"),
				text(checked, "description"), null,
				new IntakeRequest.Citizen(text(checked, "name"), text(checked, "phone"), text(checked, "email"),
						Boolean.TRUE.equals(checked.get("smsConsent")),
						"en".equals(locale.getLanguage()) ? "en" : "it"),
				Set.of());
		try {
			return this.intake.open(request, files, clientAddress, SelfIntake.CITIZEN);
		}
		catch (org.sportello.intake.InvalidRequestException ex) {
			// the deployed form let through what a request may not hold (a phone that is
			// not a number, SMS without a mobile): named like a form error
			String field = ex.field().startsWith("citizen.") ? ex.field().substring("citizen.".length()) : ex.field();
			throw new WebRequestRefusedException(List.of(new WebRequestRefusedException.Field(field, ex.code())));
		}
	}

	private List<Map<String, Object>> topics(Locale locale) {
		return this.cases.topics()
			.stream()
			.filter(Topic::active)
			// "Other / to be classified" last, where people look for it
			.sorted(java.util.Comparator.comparing((Topic topic) -> "OTHER".equals(topic.code())))
			.map((topic) -> {
				Map<String, Object> option = new java.util.LinkedHashMap<>();
				option.put("label", topic.label(locale));
				option.put("value", topic.code());
				return option;
			})
			.toList();
	}

	private String deployedForm() {
		ProcessDefinition definition = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(PROCESS_KEY)
			.latestVersion()
			.singleResult();
		try (InputStream in = this.forms.getDeployedStartForm(definition.getId())) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private JsonNode parse(String schema) {
		try {
			return this.json.readTree(schema);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String text(Map<String, Object> data, String key) {
		Object value = data.get(key);
		return (value == null) ? null : String.valueOf(value);
	}

}
