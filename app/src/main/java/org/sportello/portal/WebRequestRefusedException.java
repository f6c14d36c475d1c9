package org.sportello.portal;

import java.util.List;

/** The web form's data fails the form's rules: the fields at fault, nothing stored. */
public class WebRequestRefusedException extends RuntimeException {

	/** A field at fault and the rule it breaks (form.rule.* in the translations). */
	public record Field(String key, String code) {
	}

	private final transient List<Field> fields;

	WebRequestRefusedException(List<Field> fields) {
		super("Refused fields: " + fields.stream().map(Field::key).toList());
		this.fields = List.copyOf(fields);
	}

	public List<Field> fields() {
		return this.fields;
	}

}
