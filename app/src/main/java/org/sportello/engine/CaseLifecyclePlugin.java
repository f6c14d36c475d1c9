package org.sportello.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.sportello.cases.CaseStatus;
import org.sportello.cases.Cases;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Keeps the case in step with its process, in the engine's own transaction:
 * <ul>
 * <li>a flow node with the extension property {@code citizenStatus} changes the case's
 * status when the token reaches it (the model decides what the citizen sees, not
 * Java);</li>
 * <li>every user task adds its candidate office's administration to the case and writes
 * the timeline when it is offered and when it is completed.</li>
 * </ul>
 * The listeners are attached while parsing, so models deployed from Camunda Modeler get
 * them too.
 */
@Component
class CaseLifecyclePlugin extends AbstractProcessEnginePlugin {

	static final String CITIZEN_STATUS = "citizenStatus";

	/** Camunda task priority of HIGH-priority cases (the engine's default is 50). */
	static final int HIGH_TASK_PRIORITY = 75;

	private static final Namespace CAMUNDA = new Namespace("http://camunda.org/schema/1.0/bpmn");

	private final ObjectProvider<Cases> cases;

	CaseLifecyclePlugin(ObjectProvider<Cases> cases) {
		this.cases = cases;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners();
		if (listeners == null) {
			listeners = new ArrayList<>();
			configuration.setCustomPreBPMNParseListeners(listeners);
		}
		listeners.add(new ParseListener());
	}

	private static String caseId(org.camunda.bpm.engine.delegate.VariableScope scope) {
		Object id = scope.getVariable("caseId");
		return (id != null) ? id.toString() : null;
	}

	private final class ParseListener extends AbstractBpmnParseListener {

		@Override
		public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
			statusOf(element, activity);
		}

		@Override
		public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
			statusOf(element, activity);
		}

		@Override
		public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
			statusOf(element, activity);
		}

		@Override
		public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
			statusOf(element, activity);
		}

		@Override
		public void parseReceiveTask(Element element, ScopeImpl scope, ActivityImpl activity) {
			statusOf(element, activity);
		}

		@Override
		public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
			statusOf(element, activity);
		}

		@Override
		public void parseIntermediateThrowEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
			statusOf(element, activity);
		}

		@Override
		public void parseSubProcess(Element element, ScopeImpl scope, ActivityImpl activity) {
			statusOf(element, activity);
		}

		@Override
		public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
			statusOf(element, activity);
			TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
			String name = stepName(element);
			task.addTaskListener(TaskListener.EVENTNAME_CREATE, (DelegateTask delegate) -> {
				// the process's variables: a new task has none of its own (asking it
				// would
				// query)
				org.camunda.bpm.engine.delegate.VariableScope process = (delegate.getExecution() != null)
						? delegate.getExecution() : delegate;
				String caseId = caseId(process);
				if (caseId != null) {
					Object priority = process.getVariable("priority");
					if (priority != null) {
						// the routing decision's priority orders the officials' inboxes
						delegate.setPriority("HIGH".equals(priority) ? HIGH_TASK_PRIORITY : delegate.getPriority());
						cases().prioritySet(caseId, priority.toString());
					}
					delegate.getCandidates()
						.stream()
						.filter((link) -> link.getGroupId() != null)
						.forEach((link) -> cases().taskOffered(caseId, link.getGroupId(), name));
				}
			});
			task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, (DelegateTask delegate) -> {
				String caseId = caseId(delegate);
				if (caseId != null) {
					String office = delegate.getCandidates()
						.stream()
						.map((link) -> link.getGroupId())
						.filter((group) -> group != null)
						.findFirst()
						.orElse(null);
					cases().taskCompleted(caseId, delegate.getAssignee(), office, name, null);
					TaskAnswers.of(delegate)
						.ifPresent((answer) -> cases().answered(caseId, answer.kind(), office, delegate.getAssignee(),
								answer.text()));
				}
			});
		}

		private void statusOf(Element element, ActivityImpl activity) {
			String value = citizenStatus(element);
			if (value == null) {
				return;
			}
			CaseStatus status = CaseStatus.valueOf(value);
			String name = stepName(element);
			activity.addListener(ExecutionListener.EVENTNAME_START, (DelegateExecution execution) -> {
				String caseId = caseId(execution);
				if (caseId != null) {
					cases().statusReached(caseId, status, name);
				}
			});
		}

		/**
		 * The step's name as the model gives it, for the timeline. Read from the element:
		 * the activity's own name is not set yet while the parse listeners run, and the
		 * timeline said nothing of which step it was.
		 */
		private static String stepName(Element element) {
			return StepNames.plain(element.attribute("name"));
		}

		private static String citizenStatus(Element element) {
			Element extensions = element.element("extensionElements");
			if (extensions == null) {
				return null;
			}
			Element properties = extensions.elementNS(CAMUNDA, "properties");
			if (properties == null) {
				return null;
			}
			for (Element property : properties.elementsNS(CAMUNDA, "property")) {
				if (CITIZEN_STATUS.equals(property.attribute("name"))) {
					return property.attribute("value");
				}
			}
			return null;
		}

	}

	private Cases cases() {
		return this.cases.getObject();
	}

}
