package org.sportello.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * The SLA of a case (office {@code null}) or of one office's part of it, as of now.
 *
 * @param officeGroupId the office, or {@code null} for the case as a whole
 * @param administrationCode the office's administration
 * @param state where it stands
 * @param used working time used
 * @param left working time left until the target (zero when breached)
 * @param target the resolution target
 * @param breachAt when the target is reached if the clock keeps running ({@code null}
 * when it does not run)
 * @param escalationLevel 0, 1 (office supervisors) or 2 (network hub)
 * @param responded whether the office took charge ({@code null} for the case)
 * @param responseLate whether taking charge came (or is) later than the response target
 */
public record SlaStatus(String officeGroupId, String administrationCode, SlaState state, Duration used, Duration left,
		Duration target, Instant breachAt, int escalationLevel, Boolean responded, boolean responseLate) {
}
