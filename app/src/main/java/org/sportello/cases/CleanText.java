package org.sportello.cases;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Free text a person wrote: no control characters (tab and line breaks are fine), no
 * unpaired surrogates (see {@link FreeText}); {@code min} and {@code max} count
 * characters after trimming Unicode blanks, and {@code min > 0} means at least that many
 * non-blank characters.
 */
@Documented
@Constraint(validatedBy = CleanText.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface CleanText {

	String message() default "{sportello.clean-text}";

	int min() default 0;

	int max() default Integer.MAX_VALUE;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** The check; null passes unless {@code min} asks for text. */
	class Validator implements ConstraintValidator<CleanText, String> {

		private int min;

		private int max;

		@Override
		public void initialize(CleanText annotation) {
			this.min = annotation.min();
			this.max = annotation.max();
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value != null && !FreeText.isClean(value)) {
				return false;
			}
			int length = FreeText.length(FreeText.normalize(value));
			if (value == null && this.min == 0) {
				return true;
			}
			if (length < this.min || length > this.max) {
				context.disableDefaultConstraintViolation();
				String key = (length == 0) ? "{sportello.required}"
						: (length < this.min) ? "{sportello.text-too-short}" : "{sportello.text-too-long}";
				context.buildConstraintViolationWithTemplate(key).addConstraintViolation();
				return false;
			}
			return true;
		}

	}

}
