package org.sportello.tasklist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Server-side validation of Camunda Forms: every form in forms/ accepts what its rules
 * accept and refuses the rest, and each supported field type and rule is checked on a
 * form made for the purpose.
 */
class FormValidatorTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	static Stream<Path> forms() throws IOException {
		return Files.list(Path.of("..", "forms")).filter((path) -> path.toString().endsWith(".form")).sorted();
	}

	@ParameterizedTest
	@MethodSource("forms")
	void everyFormInTheRepositoryRefusesEmptyDataWhereItRequiresFields(Path file) throws IOException {
		JsonNode form = JSON.readTree(file.toFile());
		FormValidator.Result empty = FormValidator.validate(form, Map.of());
		List<String> required = requiredKeys(form);
		assertThat(required).as("%s has required fields", file).isNotEmpty();
		// with no data, the required fields that are shown (their groups too) are missing
		List<String> shownRequired = visibleFields(form.path("components"))
			.filter((c) -> c.path("validate").path("required").asBoolean(false))
			.map((c) -> c.path("key").asText())
			.toList();
		assertThat(shownRequired).isNotEmpty();
		assertThat(empty.errors()).extracting(FormValidator.FieldError::key)
			.containsExactlyInAnyOrderElementsOf(shownRequired);
		// unknown keys never reach the engine
		FormValidator.Result extra = FormValidator.validate(form, Map.of("injected", "x"));
		assertThat(extra.data()).doesNotContainKey("injected");
	}

	@Test
	void triageForm() throws IOException {
		JsonNode form = form("triage");
		assertThat(FormValidator.validate(form, Map.of("triageOutcome", "FORWARD", "resolutionNote", "Al back office"))
			.valid()).isTrue();
		assertThat(keys(FormValidator.validate(form, Map.of("triageOutcome", "DELETE", "resolutionNote", "ok"))))
			.containsExactlyInAnyOrder("triageOutcome:allowed", "resolutionNote:minLength");
	}

	@Test
	void backOfficeAnswerAsksTransferDetailsOnlyForTransfers() throws IOException {
		JsonNode form = form("back-office-answer");
		Map<String, Object> answer = Map.of("boOutcome", "ANSWER", "answer", "Pratica accolta", "transferTo", "x");
		FormValidator.Result ok = FormValidator.validate(form, answer);
		assertThat(ok.valid()).isTrue();
		// hidden fields are dropped, not passed on
		assertThat(ok.data()).doesNotContainKey("transferTo");
		// the administrations come from the form's input (valuesKey "administrations"):
		// only those offered are allowed
		Map<String, Object> offered = Map.of("administrations", List.of(Map.of("label", "INPS", "value", "INPS"),
				Map.of("label", "Comune dell'Aquila", "value", "COMUNE-AQ")));
		assertThat(keys(FormValidator.validate(form,
				Map.of("boOutcome", "TRANSFER", "answer", "Competenza di altri", "transferTo", "inps; drop"), offered)))
			.contains("transferTo:allowed");
		assertThat(keys(FormValidator.validate(form, Map.of("boOutcome", "TRANSFER", "answer", "Competenza di altri"),
				offered)))
			.contains("transferTo:required");
		assertThat(FormValidator
			.validate(form, Map.of("boOutcome", "TRANSFER", "answer", "Competenza INPS", "transferTo", "INPS"), offered)
			.valid()).isTrue();
		assertThat(keys(FormValidator.validate(form,
				Map.of("boOutcome", "TRANSFER", "answer", "Competenza INPS", "transferTo", "INPS"))))
			.contains("transferTo:allowed");
		assertThat(keys(
				FormValidator.validate(form, Map.of("boOutcome", "REQUEST_INFO", "answer", "Serve documentazione"))))
			.contains("documents:required");
		assertThat(FormValidator
			.validate(form, Map.of("boOutcome", "REQUEST_INFO", "answer", "Serve documentazione", "documents",
					List.of("ISEE", "IDENTITY"), "documentsWithinDays", 10))
			.valid()).isTrue();
		assertThat(keys(FormValidator.validate(form, Map.of("boOutcome", "REQUEST_INFO", "answer",
				"Serve documentazione", "documents", List.of("ISEE"), "documentsWithinDays", 0))))
			.contains("documentsWithinDays:min");
		assertThat(keys(FormValidator.validate(form, Map.of("boOutcome", "REQUEST_INFO", "answer",
				"Serve documentazione", "documents", List.of("ISEE", "PASSWORD")))))
			.contains("documents:allowed");
		assertThat(keys(FormValidator.validate(form, Map.of("boOutcome", "ANSWER", "answer", "x".repeat(4001)))))
			.contains("answer:maxLength");
	}

	@Test
	void everySupportedFieldTypeAndRule() throws IOException {
		JsonNode form = JSON.readTree("""
				{"components":[
				 {"type":"textfield","key":"code","validate":{"required":true,"pattern":"^[A-Z]{3}$"}},
				 {"type":"textfield","key":"mail","validate":{"validationType":"email"}},
				 {"type":"textfield","key":"phone","validate":{"validationType":"phone"}},
				 {"type":"textarea","key":"text","validate":{"minLength":2,"maxLength":5}},
				 {"type":"number","key":"amount","validate":{"min":1,"max":10}},
				 {"type":"checkbox","key":"agree"},
				 {"type":"select","key":"kind","values":[{"label":"A","value":"a"}]},
				 {"type":"radio","key":"choice","values":[{"label":"X","value":"x"}]},
				 {"type":"checklist","key":"many","values":[{"label":"1","value":"one"},{"label":"2","value":"two"}]},
				 {"type":"taglist","key":"tags","values":[{"label":"T","value":"t"}]},
				 {"type":"datetime","key":"when"},
				 {"type":"group","components":[{"type":"textfield","key":"inner","validate":{"required":true}}]},
				 {"type":"textfield","key":"shownIfA","conditional":{"hide":"=kind != \\"a\\" or agree = true"},
				  "validate":{"required":true}},
				 {"type":"text","text":"# Heading"}
				]}""");
		Map<String, Object> good = new HashMap<>(
				Map.of("code", "ABC", "mail", "a@b.it", "phone", "+393331234567", "text", "abc", "amount", 5, "agree",
						false, "kind", "a", "choice", "x", "many", List.of("one", "two"), "tags", List.of("t")));
		good.put("when", "2026-11-25");
		good.put("inner", "in group");
		good.put("shownIfA", "shown");
		FormValidator.Result ok = FormValidator.validate(form, good);
		assertThat(ok.errors()).isEmpty();
		assertThat(ok.data()).containsEntry("amount", 5L).containsEntry("agree", false).containsKey("inner");

		Map<String, Object> bad = new HashMap<>(
				Map.of("code", "abcd", "mail", "not-mail", "phone", "call me", "text", "abcdef", "amount", "eleven",
						"agree", "maybe", "kind", "b", "choice", "y", "many", List.of("three"), "tags", "t"));
		bad.put("when", "yesterday");
		assertThat(keys(FormValidator.validate(form, bad))).containsExactlyInAnyOrder("code:pattern", "mail:email",
				"phone:phone", "text:maxLength", "amount:number", "agree:boolean", "kind:allowed", "choice:allowed",
				"many:allowed", "tags:list", "when:date", "inner:required");
		assertThat(keys(FormValidator.validate(form, Map.of("code", "ABC", "inner", "x", "text", "a", "amount", 0))))
			.containsExactlyInAnyOrder("text:minLength", "amount:min");
		assertThat(keys(FormValidator.validate(form, Map.of("code", "ABC", "inner", "x", "amount", 11.5))))
			.containsExactly("amount:max");
		// the condition hides shownIfA unless kind is "a" and agree is not true
		assertThat(keys(FormValidator.validate(form, Map.of("code", "ABC", "inner", "x", "kind", "a"))))
			.containsExactly("shownIfA:required");
	}

	private static List<String> keys(FormValidator.Result result) {
		return result.errors().stream().map((error) -> error.key() + ":" + error.code()).toList();
	}

	private static JsonNode form(String name) throws IOException {
		return JSON.readTree(Path.of("..", "forms", name + ".form").toFile());
	}

	private static List<String> requiredKeys(JsonNode form) {
		return fields(form.path("components")).filter((c) -> c.path("validate").path("required").asBoolean(false))
			.map((c) -> c.path("key").asText())
			.toList();
	}

	private static Stream<JsonNode> visibleFields(JsonNode components) {
		return java.util.stream.StreamSupport.stream(components.spliterator(), false)
			.filter((c) -> FormValidator.shown(c, Map.of()))
			.flatMap((c) -> c.has("components") ? visibleFields(c.path("components")) : Stream.of(c));
	}

	private static Stream<JsonNode> fields(JsonNode components) {
		return java.util.stream.StreamSupport.stream(components.spliterator(), false)
			.flatMap((c) -> c.has("components") ? fields(c.path("components")) : Stream.of(c));
	}

	@Test
	void aRequiredCheckboxMustBeTickedAsInTheViewer() throws IOException {
		JsonNode form = new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
				{"components":[{"id":"c","key":"privacy","type":"checkbox","label":"Ho letto l'informativa",
				"validate":{"required":true}}]}""");
		assertThat(keys(FormValidator.validate(form, Map.of("privacy", false)))).containsExactly("privacy:required");
		assertThat(keys(FormValidator.validate(form, Map.of()))).containsExactly("privacy:required");
		assertThat(FormValidator.validate(form, Map.of("privacy", true)).valid()).isTrue();
	}

}
