package org.sportello.tasklist;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A prepared inbox query (MyBatis parameters). */
record InboxQuery(InboxTab tab, String user, List<String> groups, InboxFilter filter, InboxSort sort, Instant now,
		String text, String code) {

	static InboxQuery of(InboxTab tab, String user, List<String> groups, InboxFilter filter, InboxSort sort,
			Instant now) {
		String text = (filter.text() == null || filter.text().isBlank()) ? null : filter.text().strip();
		return new InboxQuery(tab, user, groups.isEmpty() ? List.of("-") : groups, filter, sort, now,
				(text != null) ? "%" + text.toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%" : null,
				(text != null) ? text.toUpperCase(Locale.ROOT) : null);
	}

}
