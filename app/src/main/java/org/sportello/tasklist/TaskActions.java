package org.sportello.tasklist;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sportello.cases.Classification;
import org.sportello.cases.FreeText;
import org.sportello.directory.Directory;
import org.sportello.directory.Office;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an official does with a task: claim, give back, assign to a colleague of the same
 * office, delegate and resolve, set a follow-up date, complete with its form. Only tasks
 * of the official's offices (or assigned to them) are reachable; another user's claim a
 * second earlier is a {@link TaskConflictException}, never a stack trace. Completing
 * validates the data against the task's own Camunda Form first.
 */
@Service
public class TaskActions {

	private static final Logger log = LoggerFactory.getLogger(TaskActions.class);

	private final TaskService tasks;

	private final TaskForms forms;

	private final Directory directory;

	private final Inbox inbox;

	private final TaskMapper mapper;

	private final Clock clock;

	private final BackOfficeActions backOffice;

	private final Classification classification;

	private final org.sportello.cases.Cases cases;

	TaskActions(TaskService tasks, TaskForms forms, Directory directory, Inbox inbox, TaskMapper mapper, Clock clock,
			BackOfficeActions backOffice, Classification classification, org.sportello.cases.Cases cases) {
		this.cases = cases;
		this.backOffice = backOffice;
		this.classification = classification;
		this.tasks = tasks;
		this.forms = forms;
		this.directory = directory;
		this.inbox = inbox;
		this.mapper = mapper;
		this.clock = clock;
	}

	/** The task if the user may act on it; a conflict when it is gone or not theirs. */
	public Task visible(String taskId, String user) {
		Task task = this.tasks.createTaskQuery().taskId(taskId).singleResult();
		if (task == null) {
			throw new TaskConflictException("task.gone", null);
		}
		if (user.equals(task.getAssignee()) || user.equals(task.getOwner())) {
			return task;
		}
		List<String> groups = this.inbox.groupsOf(user);
		boolean candidate = this.tasks.getIdentityLinksForTask(taskId)
			.stream()
			.anyMatch((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
					&& groups.contains(link.getGroupId()));
		if (!candidate) {
			log.warn("Task {} refused to {}: not a candidate", taskId, user);
			throw new TaskConflictException("task.gone", null);
		}
		return task;
	}

	@Transactional
	public void claim(String taskId, String user) {
		Task task = visible(taskId, user);
		if (task.getAssignee() != null && !task.getAssignee().equals(user)) {
			throw new TaskConflictException("task.claimed-by-other", task.getAssignee());
		}
		try {
			this.tasks.claim(taskId, user);
		}
		catch (TaskAlreadyClaimedException ex) {
			throw new TaskConflictException("task.claimed-by-other", ex.getTaskAssignee());
		}
	}

	@Transactional
	public void unclaim(String taskId, String user) {
		mine(taskId, user);
		this.tasks.setAssignee(taskId, null);
	}

	/** Gives the task to a colleague of one of the task's offices. */
	@Transactional
	public void assign(String taskId, String user, String colleague) {
		visible(taskId, user);
		requireColleague(taskId, colleague);
		this.tasks.setAssignee(taskId, colleague);
	}

	/** Asks a colleague to work on it and give it back (the user stays owner). */
	@Transactional
	public void delegate(String taskId, String user, String colleague) {
		mine(taskId, user);
		requireColleague(taskId, colleague);
		this.tasks.delegateTask(taskId, colleague);
	}

	/** The delegate gives the task back to its owner, with the form data so far. */
	@Transactional
	public void resolveDelegation(String taskId, String user, Map<String, Object> data) {
		Task task = mine(taskId, user);
		if (task.getDelegationState() != DelegationState.PENDING) {
			throw new TaskConflictException("task.not-delegated", null);
		}
		this.tasks.resolveTask(taskId, validated(taskId, user, data));
	}

	@Transactional
	public void followUp(String taskId, String user, Instant date) {
		Task task = visible(taskId, user);
		task.setFollowUpDate((date != null) ? Date.from(date) : null);
		this.tasks.saveTask(task);
	}

	/**
	 * Completes the task with the form's data after checking it against the form; claims
	 * it first if nobody has.
	 */
	@Transactional
	public void complete(String taskId, String user, Map<String, Object> data) {
		Task task = visible(taskId, user);
		if (task.getAssignee() == null) {
			claim(taskId, user);
		}
		else if (!task.getAssignee().equals(user)) {
			throw new TaskConflictException("task.claimed-by-other", task.getAssignee());
		}
		if (task.getDelegationState() == DelegationState.PENDING) {
			throw new TaskConflictException("task.delegated", task.getOwner());
		}
		Map<String, Object> values = validated(taskId, user, data);
		// the form checks the code's shape; whether the administration exists is ours to
		// say
		if ("TRANSFER".equals(values.get("boOutcome")) && !this.backOffice.mayTransferTo(this.directory.officesOf(user),
				String.valueOf(values.get("transferTo")))) {
			throw new FormRejectedException(List.of(new FormValidator.FieldError("transferTo", "allowed", null)));
		}
		Optional<String> caseId = caseOf(taskId);
		// a form with the catalogue's topics (triage) classifies the case before the
		// process routes it by the variable "topic"
		if (values.get("topic") instanceof String topic && !topic.isBlank()) {
			caseId.ifPresent((id) -> this.cases.reclassify(id, topic, user));
		}
		else if (values.containsKey("topic")) {
			// left empty: the case keeps its topic (and the process its variable)
			values = new java.util.HashMap<>(values);
			values.remove("topic");
		}
		this.tasks.complete(taskId, values);
		// a form with the shared outcome list (the front office's call-back) classifies
		// the case
		if (values.get("outcomeClass") instanceof String outcome) {
			caseId.ifPresent((id) -> this.classification.recordOutcome(id, outcome));
		}
	}

	/**
	 * Adds an internal note to the task's case (or, through the case view, to a case).
	 */
	@Transactional
	public CaseNote addNote(String caseId, String user, String body) {
		String text = (body == null) ? "" : FreeText.normalize(body);
		if (!FreeText.fits(text, 1, 4000)) {
			throw new FormRejectedException(List.of(new FormValidator.FieldError("note", "length", "1-4000")));
		}
		CaseNote note = new CaseNote(UUID.randomUUID().toString(), caseId, user, text, this.clock.instant());
		this.mapper.insertNote(note);
		return note;
	}

	public Optional<String> caseOf(String taskId) {
		return this.mapper.caseOf(taskId);
	}

	public Optional<String> officeOf(String taskId) {
		return this.mapper.officeOf(taskId);
	}

	/** The open tasks of a case (engine tasks), oldest first. */
	public List<Task> tasksOf(String caseId) {
		return this.mapper.tasksOfCase(caseId)
			.stream()
			.map((id) -> this.tasks.createTaskQuery().taskId(id).singleResult())
			.filter(java.util.Objects::nonNull)
			.toList();
	}

	public List<CaseNote> notes(String caseId) {
		return this.mapper.notes(caseId);
	}

	/** Colleagues who may take a task: members of its offices. */
	public List<String> colleaguesFor(String taskId) {
		Set<String> offices = officesOf(taskId);
		return this.directory.offices()
			.stream()
			.filter((office) -> offices.contains(office.groupId()))
			.map(Office::groupId)
			.flatMap((office) -> this.directory.membersOf(office).stream())
			.distinct()
			.sorted()
			.toList();
	}

	/**
	 * The task's form and what it is shown with: the process variables it uses and the
	 * administrations the user may transfer a case to, by name ({@code label}) and code
	 * ({@code value}), for a select with {@code "valuesKey": "administrations"}.
	 */
	public Optional<TaskForms.Shown> form(String taskId, String user) {
		return form(taskId, user, Locale.ITALIAN);
	}

	/**
	 * The same, with the option labels Sportello offers in the user's language: also the
	 * network's outcome classes, for a select with {@code "valuesKey": "outcomeClasses"}.
	 */
	public Optional<TaskForms.Shown> form(String taskId, String user, Locale locale) {
		return this.forms.shown(taskId, offers(user, locale));
	}

	private Map<String, Object> validated(String taskId, String user, Map<String, Object> data) {
		return this.forms.checked(taskId, data, offers(user, Locale.ITALIAN));
	}

	private Map<String, Object> offers(String user, Locale locale) {
		Map<String, Object> offers = this.backOffice.formOffers(user);
		offers.put("topics",
				this.cases.topics()
					.stream()
					.filter(org.sportello.cases.Topic::active)
					.map((topic) -> Map.of("label", topic.label(locale), "value", topic.code()))
					.toList());
		offers.put("outcomeClasses",
				this.classification.activeOutcomeClasses()
					.stream()
					.map((entry) -> Map.of("label", entry.label(locale), "value", entry.code()))
					.toList());
		return offers;
	}

	private Task mine(String taskId, String user) {
		Task task = visible(taskId, user);
		if (!user.equals(task.getAssignee())) {
			throw new TaskConflictException("task.not-yours", task.getAssignee());
		}
		return task;
	}

	private void requireColleague(String taskId, String colleague) {
		if (colleague == null || !colleaguesFor(taskId).contains(colleague)) {
			throw new TaskConflictException("task.not-a-colleague", colleague);
		}
	}

	private Set<String> officesOf(String taskId) {
		return Set.copyOf(this.tasks.getIdentityLinksForTask(taskId)
			.stream()
			.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.toList());
	}

}
