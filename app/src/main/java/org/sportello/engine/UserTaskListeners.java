package org.sportello.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Lets a feature's engine plugin add task listeners to every user task of every model the
 * engine parses (folder deployments and Camunda Modeler deployments alike).
 */
public final class UserTaskListeners {

	private UserTaskListeners() {
	}

	/** Call from a plugin's {@code preInit}: {@code each} gets every parsed user task. */
	public static void register(ProcessEngineConfigurationImpl configuration, Consumer<TaskDefinition> each) {
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
		if (listeners == null) {
			listeners = new ArrayList<>();
			configuration.setCustomPostBPMNParseListeners(listeners);
		}
		listeners.add(new AbstractBpmnParseListener() {

			@Override
			public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				each.accept(((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition());
			}

		});
	}

}
