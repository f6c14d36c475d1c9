package org.sportello.cases;

/**
 * A validated request about to become a case.
 *
 * @param needs what the citizen needs from whoever handles it (a language, sign language,
 * assistance); the contact's language adds its own
 */
public record NewCase(Channel channel, String topicCode, String description, String municipality, Contact contact,
		String openedBy, String openedOffice, java.util.Set<org.sportello.directory.Skill> needs) {

	public NewCase {
		needs = (needs == null) ? java.util.Set.of() : java.util.Set.copyOf(needs);
	}

}
