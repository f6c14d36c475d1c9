package org.sportello.tasklist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks submitted data against a Camunda Form (form-js JSON, as Camunda Modeler saves
 * it) on the server, with the semantics of the form-js viewer we ship (1.23), so that
 * what the browser accepts the server accepts, and what a crafted request sends that the
 * viewer could not, the server refuses:
 * <ul>
 * <li>values live at their <b>data paths</b>: a group's {@code path}, dotted keys
 * ({@code "address.city"}), dynamic lists (a list of objects, each item checked with the
 * list's own fields);</li>
 * <li>fields hidden by their {@code conditional.hide} (FEEL, evaluated by
 * {@link FormFeel} with the viewer's context: the data, {@code this}, {@code parent},
 * {@code i}) are neither checked nor passed on; disabled fields are not passed on;
 * readonly fields keep the value the form was shown with; expression fields are computed
 * here, never taken from the client;</li>
 * <li>the viewer's rules: required (a required checkbox must be ticked), min/max,
 * minLength/maxLength (also as FEEL), pattern, email/phone validation types, decimal
 * digits and increment of numbers, date/time formats; and what a user cannot do in the
 * viewer: a value a select, radio, checklist or tag list does not offer (static values,
 * {@code valuesKey} from the input, {@code valuesExpression}), a value of the wrong
 * type.</li>
 * </ul>
 * A field the client does not send gets what the viewer would submit: the shown value,
 * the field's {@code defaultValue}, or its empty value. Only the form's fields reach the
 * engine, at their paths (a group path or a list becomes one JSON variable).
 */
public final class FormValidator {

	/**
	 * A field that does not pass; {@code key} is its data path, {@code code} the rule.
	 */
	public record FieldError(String key, String code, String detail) {
	}

	/** The outcome: the data to hand to the engine, or the errors. */
	public record Result(Map<String, Object> data, List<FieldError> errors) {

		public boolean valid() {
			return this.errors.isEmpty();
		}

	}

	/** Component types that hold a value (form-js "keyed" fields). */
	static final Set<String> KEYED = Set.of("textfield", "textarea", "number", "checkbox", "select", "radio",
			"checklist", "taglist", "datetime", "expression", "filepicker");

	/** Containers whose path (optional for groups) prefixes their fields' paths. */
	static final Set<String> CONTAINERS = Set.of("group", "dynamiclist");

	// form-js 1.23 (MIT), Validator: the same patterns, so that server and viewer agree
	private static final Pattern EMAIL = Pattern.compile(
			"^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$");

	private static final Pattern PHONE = Pattern.compile("(\\+|00)(297|93|244|1264|358|355|376|971|54|374|1684|1268|61"
			+ "|43|994|257|32|229|226|880|359|973|1242|387|590|375|501|1441|591|55|1246|673|975|267|236|1|61|41|56|86"
			+ "|225|237|243|242|682|57|269|238|506|53|5999|61|1345|357|420|49|253|1767|45|1809|1829|1849|213|593|20"
			+ "|291|212|34|372|251|358|679|500|33|298|691|241|44|995|44|233|350|224|590|220|245|240|30|1473|299|502"
			+ "|594|1671|592|852|504|385|509|36|62|44|91|246|353|98|964|354|972|39|1876|44|962|81|76|77|254|996|855"
			+ "|686|1869|82|383|965|856|961|231|218|1758|423|94|266|370|352|371|853|590|212|377|373|261|960|52|692"
			+ "|389|223|356|95|382|976|1670|258|222|1664|596|230|265|60|262|264|687|227|672|234|505|683|31|47|977"
			+ "|674|64|968|92|507|64|51|63|680|675|48|1787|1939|850|351|595|970|689|974|262|40|7|250|966|249|221|65"
			+ "|500|4779|677|232|503|378|252|508|381|211|239|597|421|386|46|268|1721|248|963|1649|235|228|66|992|690"
			+ "|993|670|676|1868|216|90|688|886|255|256|380|598|1|998|3906698|379|1784|58|1284|1340|84|678|681|685"
			+ "|967|27|260|263)(9[976]\\d|8[987530]\\d|6[987]\\d|5[90]\\d|42\\d|3[875]\\d|2[98654321]\\d|9[8543210]"
			+ "|8[6421]|6[6543210]|5[87654321]|4[987654310]|3[9643210]|2[70]|7|1)\\d{4,20}$");

	/** What JavaScript's {@code String.prototype.trim} removes. */
	private static final Pattern JS_TRIM = Pattern
		.compile("^[\\s\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF]+|"
				+ "[\\s\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF]+$");

	private FormValidator() {
	}

	public static Result validate(JsonNode form, Map<String, Object> submitted) {
		return validate(form, submitted, Map.of());
	}

	/**
	 * As {@link #validate(JsonNode, Map)}, for a form shown with {@code input} (the
	 * viewer's initial data: the process variables the form uses and the options it is
	 * offered, such as {@code administrations} for a {@code valuesKey}).
	 */
	public static Result validate(JsonNode form, Map<String, Object> submitted, Map<String, Object> input) {
		return new Check(form, submitted, input).run();
	}

	/**
	 * Whether a component is shown for this data: its hide condition does not hold.
	 */
	static boolean shown(JsonNode component, Map<String, Object> data) {
		String hide = component.path("conditional").path("hide").asText("");
		return hide.isBlank() || !FormFeel.holds(hide, FormData.context(data, data, null, List.of()));
	}

	/** One check of one submission. */
	private static final class Check {

		private final JsonNode form;

		private final Map<String, Object> submitted;

		private final Map<String, Object> input;

		/** What the viewer holds: the input, with the submitted values of the fields. */
		private final Map<String, Object> state;

		private final Map<String, Object> output = new LinkedHashMap<>();

		private final List<FieldError> errors = new ArrayList<>();

		Check(JsonNode form, Map<String, Object> submitted, Map<String, Object> input) {
			this.form = form;
			this.submitted = (submitted != null) ? submitted : Map.of();
			this.input = (input != null) ? input : Map.of();
			this.state = FormData.mutableCopy(this.input);
		}

		Result run() {
			fill(this.form.path("components"), List.of());
			check(this.form.path("components"), List.of(), this.state, null, List.of(), false);
			return new Result(this.output, List.copyOf(this.errors));
		}

		/** First pass: the data as the viewer would hold it when the user submits. */
		private void fill(JsonNode components, List<Object> path) {
			for (JsonNode component : components) {
				String type = component.path("type").asText();
				if (KEYED.contains(type) && component.hasNonNull("key")) {
					List<Object> valuePath = FormData.join(path, component.path("key").asText());
					if ("expression".equals(type)) {
						continue;
					}
					boolean fixed = component.path("disabled").asBoolean(false) || readonly(component);
					if (!fixed && FormData.has(this.submitted, valuePath)) {
						FormData.put(this.state, valuePath,
								FormData.mutableCopy(FormData.get(this.submitted, valuePath)));
					}
					else if (!FormData.has(this.state, valuePath)) {
						FormData.put(this.state, valuePath, initialValue(component, type));
					}
				}
				else if ("group".equals(type)) {
					fill(component.path("components"), FormData.join(path, component.path("path").asText("")));
				}
				else if ("dynamiclist".equals(type)) {
					List<Object> listPath = FormData.join(path, component.path("path").asText(""));
					Object current = FormData.has(this.submitted, listPath) ? FormData.get(this.submitted, listPath)
							: FormData.get(this.state, listPath);
					boolean sent = FormData.has(this.submitted, listPath);
					List<Object> items = new ArrayList<>();
					if (current instanceof List<?> list) {
						// items the client sent hold only what the list's fields take
						// from them
						list.forEach((item) -> items.add((!sent && item instanceof Map<?, ?>)
								? FormData.mutableCopy(item) : new LinkedHashMap<String, Object>()));
					}
					else if (current == null) {
						int repetitions = component.path("defaultRepetitions").asInt(1);
						for (int i = 0; i < repetitions; i++) {
							items.add(new LinkedHashMap<String, Object>());
						}
					}
					FormData.put(this.state, listPath, items);
					for (int i = 0; i < items.size(); i++) {
						fill(component.path("components"), FormData.join(listPath, i));
					}
				}
			}
		}

		private Object initialValue(JsonNode component, String type) {
			if (component.has("defaultValue")) {
				return FormData.plain(component.get("defaultValue"));
			}
			return switch (type) {
				case "textfield", "textarea" -> "";
				case "checkbox" -> Boolean.FALSE;
				case "checklist", "taglist" -> new ArrayList<>();
				default -> null;
			};
		}

		private boolean readonly(JsonNode component) {
			JsonNode readonly = component.path("readonly");
			if (readonly.isTextual()) {
				return FormFeel.holds(readonly.asText(), FormData.context(this.input, this.input, null, List.of()));
			}
			return readonly.asBoolean(false);
		}

		/** Second pass: the shown fields, each checked with the viewer's rules. */
		private void check(JsonNode components, List<Object> path, Object scope, Object parent, List<Integer> indexes,
				boolean hidden) {
			for (JsonNode component : components) {
				String type = component.path("type").asText();
				Map<String, Object> context = FormData.context(this.state, scope, parent, indexes);
				String hide = component.path("conditional").path("hide").asText("");
				boolean hiddenHere = hidden || (!hide.isBlank() && FormFeel.holds(hide, context));
				if (hiddenHere) {
					continue;
				}
				if (KEYED.contains(type) && component.hasNonNull("key")) {
					if (component.path("disabled").asBoolean(false)) {
						continue;
					}
					List<Object> valuePath = FormData.join(path, component.path("key").asText());
					Object value = "expression".equals(type)
							? FormFeel.evaluate(component.path("expression").asText(""), context).orElse(null)
							: FormData.get(this.state, valuePath);
					int before = this.errors.size();
					Object clean = new FieldRules(component, type, FormData.name(valuePath), context, this.errors)
						.check(value);
					if (this.errors.size() == before) {
						FormData.put(this.output, valuePath, FormData.forEngine(clean));
					}
				}
				else if ("group".equals(type)) {
					check(component.path("components"), FormData.join(path, component.path("path").asText("")), scope,
							parent, indexes, false);
				}
				else if ("dynamiclist".equals(type)) {
					List<Object> listPath = FormData.join(path, component.path("path").asText(""));
					Object sent = FormData.get(this.submitted, listPath);
					if (sent != null && !(sent instanceof List<?>)) {
						this.errors.add(new FieldError(FormData.name(listPath), "list", null));
						continue;
					}
					List<?> items = (FormData.get(this.state, listPath) instanceof List<?> list) ? list : List.of();
					for (int i = 0; i < items.size(); i++) {
						List<Integer> itemIndexes = new ArrayList<>(indexes);
						itemIndexes.add(i + 1);
						check(component.path("components"), FormData.join(listPath, i), items.get(i), scope,
								itemIndexes, false);
					}
				}
			}
		}

	}

	/** The viewer's rules for one field's value. */
	private record FieldRules(JsonNode component, String type, String key, Map<String, Object> context,
			List<FieldError> errors) {

		Object check(Object value) {
			JsonNode rules = this.component.path("validate");
			boolean required = rules.path("required").asBoolean(false);
			return switch (this.type) {
				case "textfield", "textarea" -> text(value, rules, required);
				case "number" -> number(value, rules, required);
				case "checkbox" -> checkbox(value, required);
				case "select", "radio" -> single(value, required);
				case "checklist", "taglist" -> multiple(value, required);
				case "datetime" -> dateTime(value, required);
				case "expression" -> value;
				default -> {
					// refused at deployment (FormDeploymentCheck); never let a value
					// through
					error("unsupported", this.type);
					yield null;
				}
			};
		}

		private Object text(Object value, JsonNode rules, boolean required) {
			if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
				error("text", null);
				return null;
			}
			String text = (value == null) ? "" : String.valueOf(value);
			if ("textfield".equals(this.type)) {
				// as the viewer: a text field is one line
				text = text.replaceAll("[\\r\\n\\t]", " ");
			}
			if (required && text.isEmpty()) {
				error("required", null);
			}
			if (text.isEmpty()) {
				return text;
			}
			String pattern = rules.path("pattern").asText("");
			if (!pattern.isEmpty() && !matches(pattern, text)) {
				error("pattern", pattern);
			}
			int length = JS_TRIM.matcher(text).replaceAll("").length();
			ruleNumber(rules, "minLength").filter((min) -> length < min.intValue())
				.ifPresent((min) -> error("minLength", min.toPlainString()));
			ruleNumber(rules, "maxLength").filter((max) -> length > max.intValue())
				.ifPresent((max) -> error("maxLength", max.toPlainString()));
			String validationType = rules.path("validationType").asText("");
			if ("email".equals(validationType) && !EMAIL.matcher(text).find()) {
				error("email", text);
			}
			if ("phone".equals(validationType) && !PHONE.matcher(text).find()) {
				error("phone", text);
			}
			return text;
		}

		private Object number(Object value, JsonNode rules, boolean required) {
			if (unset(value, required)) {
				return null;
			}
			BigDecimal number = FormData.decimal(value);
			if (number == null) {
				error("number", String.valueOf(value));
				return null;
			}
			JsonNode digits = this.component.path("decimalDigits");
			if (digits.isNumber() && digits.asInt() >= 0
					&& Math.max(number.stripTrailingZeros().scale(), 0) > digits.asInt()) {
				error("decimals", digits.asText());
			}
			BigDecimal increment = FormData.decimal(FormData.plain(this.component.get("increment")));
			if (increment != null && increment.signum() > 0 && number.remainder(increment).signum() != 0) {
				error("increment", increment.toPlainString());
			}
			bound(rules, "min", number, -1);
			bound(rules, "max", number, 1);
			return this.component.path("serializeToString").asBoolean(false) ? number.toPlainString() : number;
		}

		private void bound(JsonNode rules, String rule, BigDecimal number, int wrongSide) {
			if (!rules.has(rule)) {
				return;
			}
			Object limit = ruleValue(rules, rule);
			if (limit == null) {
				return;
			}
			BigDecimal bound = FormData.decimal(limit);
			if (bound == null) {
				// the viewer: "Min validation value is not a valid number."
				error(rule, String.valueOf(limit));
			}
			else if (number.compareTo(bound) == wrongSide) {
				error(rule, bound.toPlainString());
			}
		}

		private Object checkbox(Object value, boolean required) {
			Boolean checked;
			if (value == null) {
				checked = Boolean.FALSE;
			}
			else if (value instanceof Boolean bool) {
				checked = bool;
			}
			else if ("true".equals(value) || "false".equals(value)) {
				checked = Boolean.valueOf((String) value);
			}
			else {
				error("boolean", String.valueOf(value));
				return null;
			}
			if (required && !checked) {
				error("required", null);
			}
			return checked;
		}

		private Object single(Object value, boolean required) {
			if (unset(value, required)) {
				return null;
			}
			Optional<Object> offered = offered(value);
			if (offered.isEmpty()) {
				error("allowed", String.valueOf(value));
				return null;
			}
			return offered.get();
		}

		private Object multiple(Object value, boolean required) {
			if (value != null && !(value instanceof Collection<?>)) {
				error("list", String.valueOf(value));
				return null;
			}
			Collection<?> chosen = (value == null) ? List.of() : (Collection<?>) value;
			if (required && chosen.isEmpty()) {
				error("required", null);
			}
			List<Object> clean = new ArrayList<>();
			for (Object item : chosen) {
				Optional<Object> offered = offered(item);
				if (offered.isEmpty()) {
					error("allowed", String.valueOf(item));
					return null;
				}
				clean.add(offered.get());
			}
			return clean;
		}

		private Object dateTime(Object value, boolean required) {
			if (unset(value, required)) {
				return null;
			}
			String text = String.valueOf(value);
			String subtype = this.component.path("subtype").asText("date");
			if (!(value instanceof String) || !isDateTime(subtype, text)) {
				error("date", text);
			}
			return text;
		}

		/** No value ({@code null} or empty text); a required field says so. */
		private boolean unset(Object value, boolean required) {
			boolean unset = value == null || "".equals(value);
			if (unset && required) {
				error("required", null);
			}
			return unset;
		}

		/** The option the field offers that equals this value, as the viewer compares. */
		private Optional<Object> offered(Object value) {
			for (Object option : FormOptions.of(this.component, this.context)) {
				if (FormData.same(option, value)) {
					return Optional.of(option);
				}
			}
			return Optional.empty();
		}

		private Object ruleValue(JsonNode rules, String rule) {
			JsonNode node = rules.get(rule);
			if (node == null || node.isNull()) {
				return null;
			}
			if (node.isTextual() && FormFeel.isExpression(node.asText())) {
				return FormFeel.evaluate(node.asText(), this.context).orElse(null);
			}
			return FormData.plain(node);
		}

		private Optional<BigDecimal> ruleNumber(JsonNode rules, String rule) {
			return Optional.ofNullable(FormData.decimal(ruleValue(rules, rule)));
		}

		private void error(String code, String detail) {
			this.errors.add(new FieldError(this.key, code, detail));
		}

	}

	private static boolean matches(String pattern, String text) {
		try {
			// JavaScript's RegExp.test: found anywhere unless anchored
			return Pattern.compile(pattern).matcher(text).find();
		}
		catch (PatternSyntaxException ex) {
			// refused at deployment; a pattern that cannot be read cannot be met
			return false;
		}
	}

	private static boolean isDateTime(String subtype, String text) {
		try {
			switch (subtype) {
				case "time" -> {
					if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:\\d{2}$")) {
						OffsetTime
							.parse(text.endsWith("Z") && text.length() == 6 ? text.substring(0, 5) + ":00Z" : text);
					}
					else {
						LocalTime.parse(text);
					}
				}
				case "datetime" -> {
					if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:\\d{2}$")) {
						OffsetDateTime.parse(text);
					}
					else {
						LocalDateTime.parse(text);
					}
				}
				default -> {
					if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
						return false;
					}
					LocalDate.parse(text);
				}
			}
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

}
