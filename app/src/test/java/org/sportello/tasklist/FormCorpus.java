package org.sportello.tasklist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The form conformance corpus (test resources {@code form-conformance/}): forms as
 * Camunda Modeler saves them, each with data sets a user can enter, the fields that must
 * be refused and, when none is, what must reach the engine. The server (
 * {@code FormConformanceTests}) and the real viewer in Chromium
 * ({@code FormConformanceBrowserTests}) are both held to it, so they agree.
 */
record FormCorpus(String form, String name, String schema, Map<String, Object> input, Map<String, Object> data,
		List<String> errors, JsonNode engine) {

	static final ObjectMapper JSON = new ObjectMapper();

	private static final Path FOLDER = Path.of("src", "test", "resources", "form-conformance");

	static Stream<FormCorpus> cases() {
		try (Stream<Path> files = Files.list(FOLDER)) {
			List<FormCorpus> all = new ArrayList<>();
			for (Path file : files.filter((path) -> path.toString().endsWith(".form")).sorted().toList()) {
				String formName = file.getFileName().toString().replace(".form", "");
				String schema = Files.readString(file);
				JsonNode cases = JSON.readTree(FOLDER.resolve(formName + ".cases.json").toFile());
				Map<String, Object> input = map(cases.path("input"));
				for (JsonNode item : cases.path("cases")) {
					Map<String, Object> caseInput = new LinkedHashMap<>(input);
					caseInput.putAll(map(item.path("input")));
					List<String> errors = new ArrayList<>();
					item.path("errors").forEach((error) -> errors.add(error.asText()));
					all.add(new FormCorpus(formName, item.path("name").asText(), schema, caseInput,
							map(item.path("data")), errors, item.has("engine") ? item.get("engine") : null));
				}
			}
			return all.stream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** What the viewer starts from: the input with the user's entries over it. */
	Map<String, Object> viewerData() {
		Map<String, Object> merged = new LinkedHashMap<>(this.input);
		merged.putAll(this.data);
		return merged;
	}

	@Override
	public String toString() {
		return this.form + ": " + this.name;
	}

	private static Map<String, Object> map(JsonNode node) {
		if (node == null || node.isMissingNode() || node.isNull()) {
			return Map.of();
		}
		return JSON.convertValue(node, new TypeReference<Map<String, Object>>() {
		});
	}

	/**
	 * Data as compared: numbers by value (25 = 25.0), absent and {@code null} alike.
	 */
	static JsonNode comparable(Object data) {
		return normalise(JSON.valueToTree(data));
	}

	private static JsonNode normalise(JsonNode node) {
		if (node.isNumber()) {
			return JsonNodeFactory.instance.numberNode(new BigDecimal(node.asText()).stripTrailingZeros());
		}
		if (node.isObject()) {
			ObjectNode copy = JsonNodeFactory.instance.objectNode();
			node.properties().forEach((entry) -> {
				if (!entry.getValue().isNull()) {
					copy.set(entry.getKey(), normalise(entry.getValue()));
				}
			});
			return copy;
		}
		if (node.isArray()) {
			var copy = JsonNodeFactory.instance.arrayNode();
			node.forEach((item) -> copy.add(normalise(item)));
			return copy;
		}
		return node;
	}

}
