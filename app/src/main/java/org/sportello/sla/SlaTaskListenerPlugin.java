package org.sportello.sla;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.sportello.engine.UserTaskListeners;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Stops an office's SLA clock when its task ends (completed, or cancelled with its scope)
 * and records when an official took charge (claim or assignment). Attached to every user
 * task while parsing, so models deployed from Camunda Modeler get it too; offices without
 * a clock (supervisors, the hub) are ignored.
 */
@Component
class SlaTaskListenerPlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<SlaClocks> clocks;

	SlaTaskListenerPlugin(ObjectProvider<SlaClocks> clocks) {
		this.clocks = clocks;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		UserTaskListeners.register(configuration, (task) -> {
			TaskListener ended = (delegate) -> forEachOffice(delegate,
					(caseId, office) -> clocks().officeTaskEnded(caseId, office));
			task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, ended);
			task.addTaskListener(TaskListener.EVENTNAME_DELETE, ended);
			task.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, (delegate) -> forEachOffice(delegate,
					(caseId, office) -> clocks().officeResponded(caseId, office)));
		});
	}

	private static void forEachOffice(DelegateTask task, OfficeAction action) {
		Object caseId = task.getVariable("caseId");
		if (caseId == null) {
			return;
		}
		task.getCandidates()
			.stream()
			.map((link) -> link.getGroupId())
			.filter((group) -> group != null)
			.forEach((group) -> action.apply(caseId.toString(), group));
	}

	@FunctionalInterface
	private interface OfficeAction {

		void apply(String caseId, String officeGroupId);

	}

	private SlaClocks clocks() {
		return this.clocks.getObject();
	}

}
