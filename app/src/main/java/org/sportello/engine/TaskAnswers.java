package org.sportello.engine;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.sportello.cases.CaseAnswer;

/**
 * Which completed task carries an answer, and in which variable, in
 * processes/citizen-request.bpmn and its forms: the front office's triage resolved on the
 * spot ({@code resolutionNote}), a back office's decision ({@code answer}, by
 * {@code boOutcome}), the front office's call-back ({@code closureNote}). A forward note
 * goes with them as an internal text: the back office reads what the front office found.
 */
final class TaskAnswers {

	record Answer(CaseAnswer.Kind kind, String text) {
	}

	private TaskAnswers() {
	}

	static Optional<Answer> of(DelegateTask task) {
		String key = task.getTaskDefinitionKey();
		if ("frontOfficeTriage".equals(key) && "RESOLVE".equals(text(task, "triageOutcome"))) {
			return answer(CaseAnswer.Kind.FRONT_OFFICE, text(task, "resolutionNote"));
		}
		if ("frontOfficeTriage".equals(key) && "FORWARD".equals(text(task, "triageOutcome"))) {
			return answer(CaseAnswer.Kind.FORWARD, text(task, "resolutionNote"));
		}
		if ("backOfficeWork".equals(key)) {
			String outcome = text(task, "boOutcome");
			for (CaseAnswer.Kind kind : CaseAnswer.Kind.values()) {
				if (kind.name().equals(outcome)) {
					return answer(kind, text(task, "answer"));
				}
			}
		}
		if ("frontOfficeCallback".equals(key)) {
			return answer(CaseAnswer.Kind.CALLBACK, text(task, "closureNote"));
		}
		return Optional.empty();
	}

	private static Optional<Answer> answer(CaseAnswer.Kind kind, String text) {
		return (text == null || text.isBlank()) ? Optional.empty() : Optional.of(new Answer(kind, text));
	}

	private static String text(DelegateTask task, String variable) {
		Object value = task.getVariable(variable);
		return (value == null) ? null : value.toString();
	}

}
