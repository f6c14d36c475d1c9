package org.sportello.tasklist;

import java.util.List;

/** Submitted form data broke the form's rules: nothing was handed to the engine. */
public class FormRejectedException extends RuntimeException {

	private final List<FormValidator.FieldError> errors;

	public FormRejectedException(List<FormValidator.FieldError> errors) {
		super("form data refused: " + errors);
		this.errors = List.copyOf(errors);
	}

	public List<FormValidator.FieldError> errors() {
		return this.errors;
	}

}
