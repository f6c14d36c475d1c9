package org.sportello.tasklist;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Validates submitted data against a Camunda Form (form-js JSON, as Camunda Modeler saves
 * it) on the server, with the form's own rules: required, minLength, maxLength, pattern,
 * min, max, email/phone validation types, allowed values of selects, radios, checklists
 * and tag lists, number, checkbox and date types. Fields inside groups count; fields
 * hidden by a condition are neither required nor passed on. Only the form's own keys
 * reach the engine. Conditions of the form {@code =key = "value"} / {@code !=} (joined by
 * {@code and} / {@code or}) are understood; a field with any other condition counts as
 * shown (the stricter choice).
 */
public final class FormValidator {

	/** A field that does not pass; {@code code} names the rule. */
	public record FieldError(String key, String code, String detail) {
	}

	/** The outcome: the cleaned data to hand to the engine, or the errors. */
	public record Result(Map<String, Object> data, List<FieldError> errors) {

		public boolean valid() {
			return this.errors.isEmpty();
		}

	}

	private static final Set<String> INPUTS = Set.of("textfield", "textarea", "number", "checkbox", "select", "radio",
			"checklist", "taglist", "datetime", "expression");

	private static final Pattern CONDITION = Pattern
		.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(=|!=)\\s*(\"[^\"]*\"|true|false|null|-?[0-9.]+)\\s*");

	private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");

	private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()-]{6,20}$");

	private FormValidator() {
	}

	public static Result validate(JsonNode form, Map<String, Object> submitted) {
		return validate(form, submitted, Map.of());
	}

	/**
	 * As {@link #validate(JsonNode, Map)}, for a form shown with input data: a select,
	 * radio or checklist whose options come from {@code valuesKey} allows the values the
	 * form was given under that key ({@code options}), as the viewer offered them.
	 */
	public static Result validate(JsonNode form, Map<String, Object> submitted, Map<String, List<String>> options) {
		Map<String, Object> data = new LinkedHashMap<>();
		List<FieldError> errors = new ArrayList<>();
		walk(form.path("components"), submitted, data, errors, options);
		return new Result(data, errors);
	}

	private static void walk(JsonNode components, Map<String, Object> submitted, Map<String, Object> data,
			List<FieldError> errors, Map<String, List<String>> options) {
		for (JsonNode component : components) {
			String type = component.path("type").asText();
			if (!shown(component, submitted)) {
				continue;
			}
			if (component.has("components")) {
				walk(component.path("components"), submitted, data, errors, options);
				continue;
			}
			String key = component.path("key").asText(null);
			if (key == null || !INPUTS.contains(type)) {
				continue;
			}
			Object value = submitted.get(key);
			if (isEmpty(value)) {
				if (component.path("validate").path("required").asBoolean(false)) {
					errors.add(new FieldError(key, "required", null));
				}
				else if ("checkbox".equals(type)) {
					data.put(key, Boolean.FALSE);
				}
				continue;
			}
			int before = errors.size();
			Object clean = check(type, key, component, value, errors, options);
			if (errors.size() == before) {
				data.put(key, clean);
			}
		}
	}

	private static Object check(String type, String key, JsonNode component, Object value, List<FieldError> errors,
			Map<String, List<String>> options) {
		JsonNode rules = component.path("validate");
		switch (type) {
			case "number" -> {
				Double number = number(value);
				if (number == null) {
					errors.add(new FieldError(key, "number", String.valueOf(value)));
					return null;
				}
				if (rules.has("min") && number < rules.get("min").asDouble()) {
					errors.add(new FieldError(key, "min", rules.get("min").asText()));
				}
				if (rules.has("max") && number > rules.get("max").asDouble()) {
					errors.add(new FieldError(key, "max", rules.get("max").asText()));
				}
				return (number == Math.rint(number) && Math.abs(number) < Long.MAX_VALUE) ? (Object) number.longValue()
						: number;
			}
			case "checkbox" -> {
				if (!(value instanceof Boolean) && !"true".equals(value) && !"false".equals(value)) {
					errors.add(new FieldError(key, "boolean", String.valueOf(value)));
					return null;
				}
				Boolean checked = Boolean.valueOf(String.valueOf(value));
				// as in form-js: a required checkbox must be ticked
				if (!checked && rules.path("required").asBoolean(false)) {
					errors.add(new FieldError(key, "required", null));
				}
				return checked;
			}
			case "select", "radio" -> {
				if (!allowed(component, options).contains(String.valueOf(value))) {
					errors.add(new FieldError(key, "allowed", String.valueOf(value)));
				}
				return String.valueOf(value);
			}
			case "checklist", "taglist" -> {
				if (!(value instanceof Collection<?> values)) {
					errors.add(new FieldError(key, "list", String.valueOf(value)));
					return null;
				}
				List<String> chosen = values.stream().map(String::valueOf).toList();
				List<String> allowed = allowed(component, options);
				chosen.stream()
					.filter((item) -> !allowed.contains(item))
					.findFirst()
					.ifPresent((item) -> errors.add(new FieldError(key, "allowed", item)));
				return chosen;
			}
			case "datetime" -> {
				String text = String.valueOf(value);
				if (!isDateOrTime(text)) {
					errors.add(new FieldError(key, "date", text));
				}
				return text;
			}
			default -> {
				String text = String.valueOf(value);
				if (rules.has("minLength") && text.length() < rules.get("minLength").asInt()) {
					errors.add(new FieldError(key, "minLength", rules.get("minLength").asText()));
				}
				if (rules.has("maxLength") && text.length() > rules.get("maxLength").asInt()) {
					errors.add(new FieldError(key, "maxLength", rules.get("maxLength").asText()));
				}
				if (rules.has("pattern") && !matches(rules.get("pattern").asText(), text)) {
					errors.add(new FieldError(key, "pattern", rules.get("pattern").asText()));
				}
				String validationType = rules.path("validationType").asText("");
				if ("email".equals(validationType) && !EMAIL.matcher(text).matches()) {
					errors.add(new FieldError(key, "email", text));
				}
				if ("phone".equals(validationType) && !PHONE.matcher(text).matches()) {
					errors.add(new FieldError(key, "phone", text));
				}
				return text;
			}
		}
	}

	/**
	 * Whether a component is shown for this data (no condition, or a condition we read).
	 */
	static boolean shown(JsonNode component, Map<String, Object> data) {
		String hide = component.path("conditional").path("hide").asText("").strip();
		if (hide.isEmpty()) {
			return true;
		}
		if (!hide.startsWith("=")) {
			return true;
		}
		Boolean hidden = evaluate(hide.substring(1), data);
		return hidden == null || !hidden;
	}

	private static Boolean evaluate(String expression, Map<String, Object> data) {
		if (expression.contains(" or ")) {
			boolean any = false;
			for (String part : expression.split(" or ")) {
				Boolean value = evaluate(part, data);
				if (value == null) {
					return null;
				}
				any |= value;
			}
			return any;
		}
		if (expression.contains(" and ")) {
			boolean all = true;
			for (String part : expression.split(" and ")) {
				Boolean value = evaluate(part, data);
				if (value == null) {
					return null;
				}
				all &= value;
			}
			return all;
		}
		Matcher matcher = CONDITION.matcher(expression);
		if (!matcher.matches()) {
			return null;
		}
		Object actual = data.get(matcher.group(1));
		String literal = matcher.group(3);
		String expected = literal.startsWith("\"") ? literal.substring(1, literal.length() - 1) : literal;
		boolean equal = "null".equals(expected) ? actual == null : String.valueOf(actual).equals(expected);
		return "=".equals(matcher.group(2)) ? equal : !equal;
	}

	private static List<String> allowed(JsonNode component, Map<String, List<String>> options) {
		if (component.hasNonNull("valuesKey")) {
			return options.getOrDefault(component.path("valuesKey").asText(), List.of());
		}
		List<String> values = new ArrayList<>();
		component.path("values").forEach((option) -> values.add(option.path("value").asText()));
		return values;
	}

	private static boolean matches(String pattern, String text) {
		try {
			return Pattern.compile(pattern).matcher(text).find();
		}
		catch (PatternSyntaxException ex) {
			// a pattern the designer got wrong cannot be met: refuse rather than let
			// anything
			// through
			return false;
		}
	}

	private static Double number(Object value) {
		if (value instanceof Number number) {
			return number.doubleValue();
		}
		try {
			return Double.valueOf(String.valueOf(value).strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static boolean isDateOrTime(String text) {
		try {
			LocalDate.parse(text.length() >= 10 ? text.substring(0, 10) : text);
			return true;
		}
		catch (DateTimeParseException ex) {
			try {
				LocalTime.parse(text);
				return true;
			}
			catch (DateTimeParseException again) {
				return false;
			}
		}
	}

	private static boolean isEmpty(Object value) {
		return value == null || (value instanceof String text && text.isBlank())
				|| (value instanceof Collection<?> values && values.isEmpty());
	}

}
