package org.sportello.cases;

import java.util.List;

/** A case with everything an official may see. */
public record CaseDetails(CaseRow row, Contact contact, List<Participation> administrations,
		List<TimelineEvent> timeline) {
}
