package org.sportello.tasklist;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A user task of a case has just been created and offered to an office, inside the
 * engine's transaction (its row in {@code spt_task} exists): listeners may still change
 * its candidate groups through {@code task}.
 */
public record TaskQueued(DelegateTask task, String caseId, String office) {
}
