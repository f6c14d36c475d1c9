package org.sportello.cases;

/** A validated request about to become a case. */
public record NewCase(Channel channel, String topicCode, String description, String municipality, Contact contact,
		String openedBy, String openedOffice) {
}
