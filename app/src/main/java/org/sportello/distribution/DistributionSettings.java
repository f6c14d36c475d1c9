package org.sportello.distribution;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The pace of re-balancing: a pass over the front offices' waiting tasks every
 * {@code rebalanceInterval}; a task moved for load does not move again for load within
 * {@code settle} (with the decision's lower target load, the hysteresis that keeps tasks
 * from bouncing); at most {@code maxMovesPerPass} moves a pass.
 */
@ConfigurationProperties("sportello.distribution")
public record DistributionSettings(@DefaultValue("60s") Duration rebalanceInterval,
		@DefaultValue("PT10M") Duration settle, @DefaultValue("500") int maxMovesPerPass) {
}
