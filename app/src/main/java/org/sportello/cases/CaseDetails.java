package org.sportello.cases;

import java.util.List;

/**
 * A case with everything an official may see, the answers of every office included (a
 * joint case's offices read each other's).
 */
public record CaseDetails(CaseRow row, Contact contact, List<Participation> administrations,
		List<TimelineEvent> timeline, List<CaseAnswer> answers) {
}
