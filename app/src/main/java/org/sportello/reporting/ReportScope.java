package org.sportello.reporting;

import java.util.Set;

/**
 * Whose figures a reader may see: the whole network (the hub's supervisors,
 * administrators) or the administrations of the reader's offices.
 */
public record ReportScope(boolean network, Set<String> administrations) {

	public boolean covers(String administration) {
		return this.network || this.administrations.contains(administration);
	}

}
