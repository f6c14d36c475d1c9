package org.sportello.tasklist;

import java.util.Map;

/**
 * What a feature adds to the data a task's form is shown with, for its own tasks: data
 * that must not live in the engine's variables (a citizen's number to call back) and that
 * the form shows with a template ({@code {{callbackPhone}}}). Answers an empty map for
 * other tasks.
 */
public interface TaskFormInput {

	Map<String, Object> inputFor(String taskId);

}
