package org.sportello.tasklist;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The names of the process variables a Camunda Form uses, as form-js
 * {@code getSchemaVariables} finds them: the first segment of every field key and of
 * every group or list path, every {@code valuesKey}, and the names in its FEEL
 * ({@code "=..."}) and templates ({@code {{...}}}). Names in FEEL are read as the words
 * of the expression, a superset of its variables: only variables that exist are sent.
 */
final class FormVariables {

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private FormVariables() {
	}

	static Set<String> namedIn(JsonNode form) {
		Set<String> names = new TreeSet<>();
		collect(form, names);
		return names;
	}

	private static void collect(JsonNode node, Set<String> names) {
		if (node.isObject()) {
			if (node.hasNonNull("type") && node.path("type").isTextual()) {
				firstSegment(node.path("key"), names);
				firstSegment(node.path("path"), names);
				firstSegment(node.path("valuesKey"), names);
			}
			node.properties().forEach((entry) -> {
				JsonNode value = entry.getValue();
				if (value.isTextual() && (value.asText().startsWith("=") || value.asText().contains("{{"))) {
					Matcher words = NAME.matcher(value.asText().replaceAll("\"[^\"]*\"", " "));
					while (words.find()) {
						names.add(words.group());
					}
				}
				else {
					collect(value, names);
				}
			});
		}
		else if (node.isArray()) {
			node.forEach((item) -> collect(item, names));
		}
	}

	private static void firstSegment(JsonNode value, Set<String> names) {
		if (value.isTextual() && !value.asText().isBlank()) {
			names.add(value.asText().split("\\.")[0]);
		}
	}

}
