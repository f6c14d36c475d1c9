package org.sportello.sla;

import java.time.Instant;

/**
 * An office's SLA deadline on a case was set or moved (clock started, resumed, re-based
 * on a new calendar), or cleared ({@code breachAt} null: the clock stopped). Published in
 * the transaction of the change.
 */
public record SlaDeadlineChanged(String caseId, String officeGroupId, Instant breachAt) {
}
