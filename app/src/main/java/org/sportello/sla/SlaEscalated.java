package org.sportello.sla;

/**
 * An office's task on a case was offered to another group by an escalation (level 1: the
 * office's supervisors, level 2: the hub). Published in the job's transaction.
 */
public record SlaEscalated(String taskId, String group, int level) {
}
