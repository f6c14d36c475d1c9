package org.sportello.sla;

import java.time.Duration;

/**
 * What an office promises for a case, in working time of its calendar.
 *
 * @param response until the office takes charge (claims or completes its task)
 * @param resolution until the office has done its part
 * @param warningRatio share of the resolution target at which the task is flagged
 * @param level2After working time after the breach at which the hub takes over
 */
public record SlaTarget(Duration response, Duration resolution, double warningRatio, Duration level2After) {

	public SlaTarget {
		if (response.isNegative() || resolution.isZero() || resolution.isNegative() || level2After.isNegative()) {
			throw new IllegalArgumentException("SLA targets must be positive");
		}
		if (warningRatio <= 0 || warningRatio > 1) {
			throw new IllegalArgumentException("warning threshold must be in (0, 1]: " + warningRatio);
		}
	}

	Duration warning() {
		return Duration.ofMillis(Math.round(this.resolution.toMillis() * this.warningRatio));
	}

}
