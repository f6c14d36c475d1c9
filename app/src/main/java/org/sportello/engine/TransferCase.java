package org.sportello.engine;

import java.util.List;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.sportello.cases.Cases;
import org.sportello.directory.Directory;
import org.sportello.directory.Office;

import org.springframework.stereotype.Component;

/**
 * Service task "Trasferimento ad altra amministrazione": routes the case again, keeping
 * only the back offices of the administration the official chose ({@code transferTo});
 * when the routing table names none of them, the administration's own back office takes
 * it. Unknown administrations are refused, which rolls back the official's completion:
 * nothing is lost.
 */
@Component("transferCase")
class TransferCase implements JavaDelegate {

	private final DecisionService decisionService;

	private final Directory directory;

	private final Cases cases;

	TransferCase(DecisionService decisionService, Directory directory, Cases cases) {
		this.decisionService = decisionService;
		this.directory = directory;
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String target = (String) execution.getVariable("transferTo");
		execution.setVariable("backOfficeGroups", backOfficesOf(execution, target));
		this.cases.transferred((String) execution.getVariable("caseId"), target,
				(String) execution.getVariable("answer"));
	}

	/**
	 * The back offices of {@code target} that the case's routing table names, else the
	 * administration's own back office; an unknown administration is refused.
	 */
	List<String> backOfficesOf(DelegateExecution execution, String target) {
		if (target == null || this.directory.administration(target).isEmpty()) {
			throw new IllegalArgumentException("Unknown administration for the transfer: " + target);
		}
		List<String> groups = this.decisionService
			.evaluateDecisionTableByKeyAndVersion("routing", (Integer) execution.getVariable("routingVersion"),
					execution.getVariables())
			.collectEntries("backOfficeGroup")
			.stream()
			.map(Object::toString)
			.filter((group) -> this.directory.office(group)
				.map(Office::administrationCode)
				.filter(target::equals)
				.isPresent())
			.toList();
		if (groups.isEmpty()) {
			groups = this.directory.backOfficeOf(target)
				.map((office) -> List.of(office.groupId()))
				.orElseThrow(() -> new IllegalArgumentException("Administration " + target + " has no back office"));
		}
		return groups;
	}

}
