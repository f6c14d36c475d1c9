package org.sportello.engine;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.sportello.cases.PersonalDataErased;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Retention: the engine's history of an erased case loses its variables (the forms' free
 * texts: notes, answers), so that they do not outlive the case's personal data until the
 * models' historyTimeToLive removes the rest (activities, tasks, decisions).
 */
@Component
class HistoryErasure {

	private final HistoryService history;

	HistoryErasure(HistoryService history) {
		this.history = history;
	}

	@EventListener
	void erased(PersonalDataErased erased) {
		for (HistoricProcessInstance instance : this.history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(erased.trackingCode())
			.finished()
			.list()) {
			this.history.deleteHistoricVariableInstancesByProcessInstanceId(instance.getId());
		}
	}

}
