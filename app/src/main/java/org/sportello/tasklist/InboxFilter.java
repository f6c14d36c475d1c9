package org.sportello.tasklist;

import org.sportello.sla.SlaState;

/**
 * What the official narrows the inbox to; {@code null} fields do not filter.
 *
 * @param text a tracking code, or part of the citizen's name
 * @param highPriorityOnly only tasks of HIGH priority cases or escalated tasks
 */
public record InboxFilter(String topic, String channel, SlaState sla, Boolean highPriorityOnly, String administration,
		String text) {

	public static InboxFilter none() {
		return new InboxFilter(null, null, null, null, null, null);
	}

}
