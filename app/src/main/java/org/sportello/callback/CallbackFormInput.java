package org.sportello.callback;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.sportello.tasklist.TaskFormInput;

import org.springframework.stereotype.Component;

/**
 * The number to call and the preferred slot, shown by the call-back task's form
 * ({@code {{callbackPhone}}}, {@code {{callbackSlot}}}) from {@code spt_callback}: they
 * never become process variables.
 */
@Component
class CallbackFormInput implements TaskFormInput {

	private final TaskService tasks;

	private final CallbackMapper mapper;

	CallbackFormInput(TaskService tasks, CallbackMapper mapper) {
		this.tasks = tasks;
		this.mapper = mapper;
	}

	@Override
	public Map<String, Object> inputFor(String taskId) {
		Object id = this.tasks.getVariable(taskId, "callbackId");
		if (id == null) {
			return Map.of();
		}
		return this.mapper.byId(id.toString())
			.<Map<String, Object>>map((callback) -> Map.of("callbackPhone", callback.phone(), "callbackSlot",
					CallbackRequests.slotLabel(callback.slot()), "callbackAttemptsSoFar", callback.attempts()))
			.orElse(Map.of());
	}

}
