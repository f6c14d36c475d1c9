package org.sportello.intake;

import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.sportello.cases.Channel;

/**
 * A citizen's request as the front office (or an integration) submits it: the body of
 * {@code POST /api/cases} and the model of the {@code /fo/new} form.
 */
public record IntakeRequest(@NotNull Channel channel, @NotBlank @Size(max = 40) String topic,
		@NotBlank @Size(min = 10, max = 4000) @Pattern(regexp = NO_MARKUP,
				message = "{sportello.no-markup}") String description,
		@Size(max = 100) @Pattern(regexp = NO_MARKUP, message = "{sportello.no-markup}") String municipality,
		@NotNull @Valid Citizen citizen, Set<PriorityFlag> priorityFlags) {

	/** Free text must not carry HTML or script: it is shown to officials and citizens. */
	static final String NO_MARKUP = "(?s)[^<>]*";

	/** The citizen's contact. */
	public record Citizen(
			@NotBlank @Size(max = 200) @Pattern(regexp = NO_MARKUP, message = "{sportello.no-markup}") String name,
			@Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "{sportello.e164}") String phone,
			@Email @Size(max = 254) String email, boolean smsConsent,
			@Pattern(regexp = "it|en", message = "{sportello.language}") String language) {
	}

	/** Flags that raise the priority (see decisions/routing.dmn, decision "priority"). */
	public enum PriorityFlag {

		DISABILITY, URGENT

	}

}
