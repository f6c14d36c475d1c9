package org.sportello.tasklist;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.sportello.cases.FreeText;
import org.sportello.directory.Directory;
import org.sportello.directory.Office;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A back-office official's decision on a case: answer, ask the citizen for information,
 * transfer, send back to the front office, or declare it not within competence. It
 * completes the official's own office task of the case (claiming it when free); input is
 * checked before the engine sees it.
 */
@Service
public class BackOfficeActions {

	static final String WORK_TASK = "backOfficeWork";

	private final TaskService taskService;

	private final Directory directory;

	private final TaskForms forms;

	BackOfficeActions(TaskService taskService, Directory directory, TaskForms forms) {
		this.taskService = taskService;
		this.directory = directory;
		this.forms = forms;
	}

	/**
	 * What Sportello offers a task form beside the process variables: the transfer
	 * targets ({@link #transferTargets}) under {@code administrations}, and an empty
	 * decision ({@link #DECISION}).
	 */
	Map<String, Object> formOffers(String userId) {
		Map<String, Object> offers = new HashMap<>();
		offers.put("administrations", transferTargets(userId));
		// every round of back-office work starts from an empty decision: the outcome and
		// answer an office gave before (or another office of a joint case) are process
		// variables the form names, but they are not this round's decision
		DECISION.forEach((key) -> offers.put(key, null));
		return offers;
	}

	/**
	 * The back-office form's decision fields: withheld whenever the form is shown, so it
	 * starts from its defaults.
	 */
	static final List<String> DECISION = List.of("boOutcome", "answer", "transferTo", "transferReason", "documents",
			"documentsWithinDays");

	/**
	 * The administrations a user may transfer a case to, by name and code, sorted by name
	 * (the options of the form's {@code valuesKey: "administrations"} select).
	 */
	List<Map<String, String>> transferTargets(String userId) {
		List<Office> offices = this.directory.officesOf(userId);
		return this.directory.administrations()
			.stream()
			.filter((administration) -> mayTransferTo(offices, administration.code()))
			.sorted(java.util.Comparator.comparing(org.sportello.directory.Administration::name,
					java.text.Collator.getInstance(java.util.Locale.ITALIAN)))
			.map((administration) -> Map.of("label", administration.name(), "value", administration.code()))
			.toList();
	}

	/**
	 * A transfer goes to another administration of the network that has a back office to
	 * receive it (its transfer desk), never to the official's own.
	 */
	boolean mayTransferTo(List<Office> officialsOffices, String administration) {
		boolean known = administration != null && this.directory.administration(administration).isPresent()
				&& this.directory.backOfficeOf(administration).isPresent();
		boolean own = officialsOffices.stream()
			.anyMatch((office) -> office.administrationCode().equals(administration));
		return known && !own;
	}

	/**
	 * An official's decision; {@code documents} and {@code withinDays} only count for
	 * {@link BackOfficeOutcome#REQUEST_INFO} (null days: the default). {@code fields} are
	 * the values of the task form's other fields (those a designer added, or
	 * {@code transferReason}), by the form's keys and paths.
	 */
	public record Decision(BackOfficeOutcome outcome, String answer, String transferTo, List<String> documents,
			Integer withinDays, Map<String, Object> fields) {

		public Decision(BackOfficeOutcome outcome, String answer, String transferTo, List<String> documents,
				Integer withinDays) {
			this(outcome, answer, transferTo, documents, withinDays, null);
		}

	}

	/**
	 * The form's keys that a decision's own parameters give, by the parameter's name (an
	 * error on them names the parameter the caller wrote).
	 */
	static final Map<String, String> PARAMETERS = Map.of("boOutcome", "outcome", "answer", "answer", "transferTo",
			"transferTo", "documents", "documents", "documentsWithinDays", "withinDays");

	@Transactional
	public void decide(String trackingCode, String userId, BackOfficeOutcome outcome, String answer,
			String transferTo) {
		decide(trackingCode, userId, new Decision(outcome, answer, transferTo, null, null));
	}

	@Transactional
	public void decide(String trackingCode, String userId, Decision decision) {
		BackOfficeOutcome outcome = decision.outcome();
		if (outcome == null) {
			throw new ActionRefusedException("outcome", "required");
		}
		String text = FreeText.normalize(decision.answer());
		if (!FreeText.fits(text, 5, 4000)) {
			throw new ActionRefusedException("answer", "invalid-answer");
		}
		List<Office> offices = this.directory.officesOf(userId);
		if (outcome == BackOfficeOutcome.TRANSFER && !mayTransferTo(offices, decision.transferTo())) {
			throw new ActionRefusedException("transferTo", "invalid-transfer");
		}
		List<String> documents = (decision.documents() != null) ? decision.documents() : List.of();
		if (outcome == BackOfficeOutcome.REQUEST_INFO) {
			if (documents.size() > 20
					|| documents.stream().anyMatch((kind) -> !org.sportello.documents.DocumentRequests.isKind(kind))) {
				throw new ActionRefusedException("documents", "invalid-documents");
			}
			Integer days = decision.withinDays();
			if (days != null && (days < 1 || days > 60)) {
				throw new ActionRefusedException("withinDays", "invalid-days");
			}
		}
		Task task = this.taskService.createTaskQuery()
			.processInstanceBusinessKey(trackingCode)
			.taskDefinitionKey(WORK_TASK)
			.taskCandidateGroupIn(offices.stream().map(Office::groupId).toList())
			.list()
			.stream()
			.filter((candidate) -> candidate.getAssignee() == null || candidate.getAssignee().equals(userId))
			.findFirst()
			.orElseThrow(() -> new ActionRefusedException(null, "not-waiting"));
		if (task.getAssignee() == null) {
			this.taskService.claim(task.getId(), userId);
		}
		Map<String, Object> variables = new HashMap<>();
		if (decision.fields() != null) {
			for (String key : decision.fields().keySet()) {
				if (PARAMETERS.containsKey(key)) {
					throw new ActionRefusedException("fields." + key, "given-twice");
				}
			}
			variables.putAll(decision.fields());
		}
		variables.put("boOutcome", outcome.name());
		variables.put("answer", text);
		if (outcome == BackOfficeOutcome.TRANSFER) {
			variables.put("transferTo", decision.transferTo());
		}
		if (outcome == BackOfficeOutcome.REQUEST_INFO) {
			// as the form's checklist gives them: a list (stored as JSON)
			variables.put("documents", new java.util.ArrayList<>(documents));
			// the form's default when the caller does not say
			variables.put("documentsWithinDays", (decision.withinDays() != null) ? decision.withinDays()
					: org.sportello.documents.DocumentRequests.DEFAULT_WORKING_DAYS);
		}
		// the same rules as the task's form in the tasklist: what the form requires, the
		// API requires
		Map<String, Object> checked;
		try {
			checked = this.forms.checked(task.getId(), variables, formOffers(userId));
		}
		catch (FormRejectedException ex) {
			throw new FormRejectedException(ex.errors().stream().map(BackOfficeActions::asParameter).toList());
		}
		this.taskService.complete(task.getId(), new HashMap<>(checked));
	}

	/** A form error named as the caller wrote the value: a parameter, or fields.key. */
	private static FormValidator.FieldError asParameter(FormValidator.FieldError error) {
		String root = error.key().split("[.\\[]", 2)[0];
		String name = PARAMETERS.containsKey(root) ? PARAMETERS.get(root) + error.key().substring(root.length())
				: "fields." + error.key();
		return new FormValidator.FieldError(name, error.code(), error.detail());
	}

}
