package org.sportello.sla;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

import org.springframework.stereotype.Component;

/**
 * Raises escalated tasks in the engine: a new candidate group and at least a priority.
 * Many tasks go in one engine command, so that the engine flushes their identity links,
 * authorizations and task rows together, as JDBC batches, instead of two commands and two
 * flushes per task through {@code TaskService} (issue #19, W3: those were half of an
 * escalation's round trips to the database). The command does what
 * {@code addCandidateGroup} and {@code setPriority} do, without their checks of the
 * calling user: escalations run for nobody in particular.
 */
@Component
class TaskRaises {

	private final ProcessEngine engine;

	TaskRaises(ProcessEngine engine) {
		this.engine = engine;
	}

	/** One task's raise: its new candidate group and its least priority. */
	record Raise(String taskId, String group, int priority) {
	}

	/**
	 * Applies the raises in the caller's transaction; a task gone meanwhile is skipped.
	 */
	void apply(List<Raise> raises) {
		if (raises.isEmpty()) {
			return;
		}
		Command<Void> command = (context) -> {
			for (Raise raise : raises) {
				TaskEntity task = context.getTaskManager().findTaskById(raise.taskId());
				if (task == null) {
					continue;
				}
				task.addCandidateGroup(raise.group());
				if (task.getPriority() < raise.priority()) {
					task.setPriority(raise.priority());
				}
				task.triggerUpdateEvent();
			}
			return null;
		};
		((ProcessEngineImpl) this.engine).getProcessEngineConfiguration()
			.getCommandExecutorTxRequired()
			.execute(command);
	}

}
