package org.sportello.intake;

import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.sportello.cases.Channel;
import org.sportello.cases.CleanText;
import org.sportello.cases.FreeText;
import org.sportello.cases.PhoneNumbers;
import org.sportello.cases.ValidPhone;
import org.sportello.directory.Skill;

/**
 * A citizen's request as the front office (or an integration) submits it: the body of
 * {@code POST /api/cases} and the model of the {@code /fo/new} form. {@code needs}: what
 * the citizen needs from whoever handles it (a language, sign language, assistance),
 * which the distribution of front-office work honours.
 */
public record IntakeRequest(@NotNull Channel channel, @NotBlank @Size(max = 40) String topic,
		@CleanText(min = 10, max = 4000) String description, @CleanText(max = 100) String municipality,
		@NotNull @Valid Citizen citizen, Set<PriorityFlag> priorityFlags, Set<Skill> needs) {

	/**
	 * Free text is kept as written, NFC and trimmed of Unicode blanks ({@link FreeText});
	 * every view escapes it.
	 */
	public IntakeRequest {
		description = FreeText.normalize(description);
		municipality = FreeText.normalizeToNull(municipality);
		needs = (needs == null) ? Set.of() : Set.copyOf(needs);
	}

	/** A request without needs beyond the contact's language and the flags. */
	public IntakeRequest(Channel channel, String topic, String description, String municipality, Citizen citizen,
			Set<PriorityFlag> priorityFlags) {
		this(channel, topic, description, municipality, citizen, priorityFlags, Set.of());
	}

	/** The citizen's contact. */
	public record Citizen(@CleanText(min = 1, max = 200) String name, @ValidPhone String phone,
			@Email @Size(max = 254) String email, boolean smsConsent,
			@Pattern(regexp = "it|en", message = "{sportello.language}") String language) {

		public Citizen {
			name = FreeText.normalize(name);
			// "333 1234567", "0862 41 12 34", "+39 333 ..." become +393331234567 ...
			phone = PhoneNumbers.normalize(phone);
			// addresses are found and compared in lower case (mail servers treat them so)
			email = (email == null || email.isBlank()) ? email : email.strip().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/** Flags that raise the priority (see decisions/routing.dmn, decision "priority"). */
	public enum PriorityFlag {

		DISABILITY, URGENT

	}

}
