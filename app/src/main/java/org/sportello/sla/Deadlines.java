package org.sportello.sla;

import java.time.Instant;

/**
 * When a running clock reaches its warning threshold, its target (level-1 escalation) and
 * the level-2 escalation.
 */
public record Deadlines(Instant warningAt, Instant breachAt, Instant level2At) {
}
