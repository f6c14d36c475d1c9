package org.sportello.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Service task "Instradamento all'amministrazione richiesta": a case another installation
 * sent for one of our administrations ({@code exchangeTarget}) goes to that
 * administration's back offices, chosen as a transfer chooses them.
 */
@Component("routeToAdministration")
class RouteToAdministration implements JavaDelegate {

	private final TransferCase transfers;

	RouteToAdministration(TransferCase transfers) {
		this.transfers = transfers;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable("backOfficeGroups",
				this.transfers.backOfficesOf(execution, (String) execution.getVariable("exchangeTarget")));
	}

}
