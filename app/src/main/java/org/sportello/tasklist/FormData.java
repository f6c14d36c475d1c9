package org.sportello.tasklist;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Form data as form-js holds it: nested maps and lists addressed by data paths (a list of
 * keys and indexes: {@code ["address", "city"]}, {@code ["children", 0, "name"]}), and
 * the FEEL context the viewer builds for an expression.
 */
final class FormData {

	private static final ObjectMapper JSON = new ObjectMapper();

	private FormData() {
	}

	/** The path extended by a dotted key or path ({@code ""} adds nothing). */
	static List<Object> join(List<Object> path, String dotted) {
		List<Object> joined = new ArrayList<>(path);
		if (!dotted.isEmpty()) {
			joined.addAll(List.of((Object[]) dotted.split("\\.")));
		}
		return joined;
	}

	static List<Object> join(List<Object> path, int index) {
		List<Object> joined = new ArrayList<>(path);
		joined.add(index);
		return joined;
	}

	/** How a path is named in messages and problem details: {@code children[0].name}. */
	static String name(List<Object> path) {
		StringBuilder name = new StringBuilder();
		for (Object segment : path) {
			if (segment instanceof Integer index) {
				name.append('[').append(index).append(']');
			}
			else {
				name.append(name.isEmpty() ? "" : ".").append(segment);
			}
		}
		return name.toString();
	}

	/** Whether the path exists (with {@code null} or another value at its end). */
	static boolean has(Object root, List<Object> path) {
		Object node = root;
		for (Object segment : path) {
			if (segment instanceof Integer index && node instanceof List<?> list && index < list.size()) {
				node = list.get(index);
			}
			else if (segment instanceof String key && node instanceof Map<?, ?> map && map.containsKey(key)) {
				node = map.get(key);
			}
			else {
				return false;
			}
		}
		return true;
	}

	/** The value at the path, {@code null} when there is none. */
	static Object get(Object root, List<Object> path) {
		Object node = root;
		for (Object segment : path) {
			if (segment instanceof Integer index && node instanceof List<?> list && index < list.size()) {
				node = list.get(index);
			}
			else if (segment instanceof String key && node instanceof Map<?, ?> map) {
				node = map.get(key);
			}
			else {
				return null;
			}
		}
		return node;
	}

	/** Sets the value at the path, making the maps and lists on the way. */
	@SuppressWarnings("unchecked")
	static void put(Map<String, Object> root, List<Object> path, Object value) {
		Object node = root;
		for (int i = 0; i < path.size(); i++) {
			Object segment = path.get(i);
			boolean last = i == path.size() - 1;
			Object next = last ? value
					: ((path.get(i + 1) instanceof Integer) ? new ArrayList<>() : new LinkedHashMap<String, Object>());
			if (node instanceof Map<?, ?> map) {
				Map<String, Object> target = (Map<String, Object>) map;
				if (last) {
					target.put((String) segment, value);
				}
				else if (!(target.get(segment) instanceof Map<?, ?> || target.get(segment) instanceof List<?>)) {
					target.put((String) segment, next);
				}
				node = target.get(segment);
			}
			else if (node instanceof List<?> list) {
				List<Object> target = (List<Object>) list;
				int index = (Integer) segment;
				while (target.size() <= index) {
					target.add(null);
				}
				if (last) {
					target.set(index, value);
				}
				else if (!(target.get(index) instanceof Map<?, ?> || target.get(index) instanceof List<?>)) {
					target.set(index, next);
				}
				node = target.get(index);
			}
		}
	}

	/** A deep copy made of mutable maps and lists. */
	@SuppressWarnings("unchecked")
	static <T> T mutableCopy(T value) {
		return (T) deep(value, UnaryOperator.identity());
	}

	/** A copy with numbers as BigDecimal, as FEEL and the rules compare them. */
	static Object withDecimals(Object value) {
		return deep(value, (leaf) -> (leaf instanceof Number && !(leaf instanceof BigDecimal))
				? new BigDecimal(leaf.toString()) : leaf);
	}

	/**
	 * A copy of nested maps and lists (mutable), each other value passed through leaf.
	 */
	private static Object deep(Object value, UnaryOperator<Object> leaf) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((key, item) -> copy.put(String.valueOf(key), deep(item, leaf)));
			return copy;
		}
		if (value instanceof Collection<?> items) {
			List<Object> copy = new ArrayList<>();
			items.forEach((item) -> copy.add(deep(item, leaf)));
			return copy;
		}
		return leaf.apply(value);
	}

	/**
	 * The viewer's FEEL context (form-js {@code buildExpressionContext}): the data, and
	 * {@code this}, {@code parent}, {@code i} (1-based indexes of the enclosing dynamic
	 * lists), also as {@code _this_}, {@code _parent_}, {@code _i_}.
	 */
	static Map<String, Object> context(Map<String, Object> data, Object scope, Object parent, List<Integer> indexes) {
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("this", scope);
		context.put("parent", parent);
		context.put("i", indexes);
		context.putAll(data);
		context.put("_this_", scope);
		context.put("_parent_", parent);
		context.put("_i_", indexes);
		return context;
	}

	/** A JSON node of the form as a plain Java value. */
	static Object plain(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		return withDecimals(JSON.convertValue(node, Object.class));
	}

	/** A number, or a text that is one, as a decimal; anything else {@code null}. */
	static BigDecimal decimal(Object value) {
		if (value instanceof BigDecimal decimal) {
			return decimal;
		}
		if (value instanceof Number number) {
			try {
				return new BigDecimal(number.toString());
			}
			catch (NumberFormatException ex) {
				// NaN, infinities
				return null;
			}
		}
		if (value instanceof String text && !text.isBlank()) {
			try {
				return new BigDecimal(text.strip());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

	/**
	 * Equality as the viewer compares option values (deep, typed: {@code 1} is not
	 * {@code "1"}), numbers equal whatever their Java type or scale.
	 */
	static boolean same(Object a, Object b) {
		if (a instanceof Number && b instanceof Number) {
			return decimal(a) != null && decimal(b) != null && decimal(a).compareTo(decimal(b)) == 0;
		}
		if (a instanceof Map<?, ?> || a instanceof Collection<?>) {
			return JSON.valueToTree(a).equals(JSON.valueToTree(b));
		}
		return a != null && a.equals(b);
	}

	/**
	 * A value as the engine keeps it: whole numbers as Long, other numbers as Double (as
	 * Jackson reads the viewer's JSON), lists and maps as they are (JSON variables).
	 */
	static Object forEngine(Object value) {
		return deep(value, (leaf) -> {
			if (!(leaf instanceof BigDecimal decimal)) {
				return leaf;
			}
			BigDecimal stripped = decimal.stripTrailingZeros();
			if (stripped.scale() <= 0 && stripped.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
				return stripped.longValueExact();
			}
			return decimal.doubleValue();
		});
	}

}
