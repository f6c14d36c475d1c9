package org.sportello.tasklist;

import java.util.Map;
import java.util.Optional;

import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;

/**
 * FEEL of Camunda Forms ({@code "=..."} in conditions, validation values, options
 * expressions, expression fields, defaults), evaluated with the FEEL engine that Camunda
 * 7 ships ({@code org.camunda.feel:feel-engine}), not with a parser of our own. The
 * viewer evaluates the same expressions with feelin; both follow the DMN FEEL
 * specification. Results come back as plain Java values (String, BigDecimal, Boolean,
 * List, Map), or empty when the expression fails, as the viewer reads a failed expression
 * as {@code null}.
 */
final class FormFeel {

	private static final FeelEngineApi ENGINE = FeelEngineBuilder.forJava().build();

	private FormFeel() {
	}

	static boolean isExpression(Object value) {
		return value instanceof String text && text.startsWith("=");
	}

	/** The value of an {@code "=..."} expression in this context. */
	static Optional<Object> evaluate(String expression, Map<String, Object> context) {
		if (!isExpression(expression)) {
			return Optional.empty();
		}
		EvaluationResult result = ENGINE.evaluateExpression(expression.substring(1), context);
		if (!result.isSuccess()) {
			return Optional.empty();
		}
		return Optional.ofNullable(FormData.withDecimals(result.result()));
	}

	/**
	 * A hide condition holds only when it evaluates to {@code true}, as in the viewer.
	 */
	static boolean holds(String expression, Map<String, Object> context) {
		return evaluate(expression, context).map(Boolean.TRUE::equals).orElse(false);
	}

}
