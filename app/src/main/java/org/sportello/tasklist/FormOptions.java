package org.sportello.tasklist;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The values a select, radio, checklist or tag list offers, as the form-js viewer finds
 * them: from {@code valuesExpression} (FEEL), from the input under {@code valuesKey}, or
 * the static {@code values}; a field with none of them offers the viewer's placeholder
 * option "value". Options are plain values or {@code {label, value}}; others are dropped.
 */
final class FormOptions {

	private FormOptions() {
	}

	static List<Object> of(JsonNode component, Map<String, Object> context) {
		Object source;
		if (component.hasNonNull("valuesExpression")) {
			source = FormFeel.evaluate(component.path("valuesExpression").asText(""), context).orElse(null);
		}
		else if (component.hasNonNull("valuesKey")) {
			source = context.get(component.path("valuesKey").asText());
		}
		else if (component.has("values")) {
			source = FormData.plain(component.get("values"));
		}
		else {
			return List.of("value");
		}
		List<Object> values = new ArrayList<>();
		if (source instanceof Collection<?> options) {
			for (Object option : options) {
				Object value = valueOf(option);
				if (value != null) {
					values.add(value);
				}
			}
		}
		return values;
	}

	/**
	 * form-js {@code _normalizeOption}: the value of an option, or null if it has none.
	 */
	private static Object valueOf(Object option) {
		if (isPrimitive(option)) {
			return option;
		}
		if (option instanceof Map<?, ?> map) {
			Object value = map.get("value");
			boolean label = map.get("label") instanceof String text && !text.isEmpty();
			if (!label && isPrimitive(value)) {
				return value;
			}
			if (label && value != null && !(value instanceof Collection<?>)) {
				return value;
			}
		}
		return null;
	}

	private static boolean isPrimitive(Object value) {
		if (value instanceof String text) {
			return !text.isEmpty();
		}
		return value instanceof Number || value instanceof Boolean;
	}

}
