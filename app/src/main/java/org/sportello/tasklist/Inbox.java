package org.sportello.tasklist;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;

import org.sportello.directory.Directory;
import org.sportello.sla.SlaClocks;
import org.sportello.sla.SlaStatus;

import org.springframework.stereotype.Service;

/**
 * The officials' inboxes, paged and sorted on the server by one query on the tasks of our
 * cases (spt_task) joined with the engine's task table and the SLA clocks.
 */
@Service
public class Inbox {

	private final TaskMapper mapper;

	private final Directory directory;

	private final SlaClocks sla;

	private final Clock clock;

	private final TaskService engine;

	Inbox(TaskMapper mapper, Directory directory, SlaClocks sla, Clock clock, TaskService engine) {
		this.engine = engine;
		this.mapper = mapper;
		this.directory = directory;
		this.sla = sla;
		this.clock = clock;
	}

	/** The groups whose tasks a user sees: offices, and role groups (escalations). */
	public List<String> groupsOf(String user) {
		return this.directory.membershipOf(user).groupIds();
	}

	/**
	 * The groups of a tab: on "My offices, all" a supervisor also sees every task of the
	 * offices they supervise.
	 */
	List<String> groupsOf(InboxTab tab, String user) {
		if (tab != InboxTab.OFFICES_ALL) {
			return groupsOf(user);
		}
		Directory.Membership membership = this.directory.membershipOf(user);
		List<String> groups = new ArrayList<>(membership.groupIds());
		this.directory.officesSupervisedBy(membership)
			.stream()
			.filter((office) -> !groups.contains(office))
			.forEach(groups::add);
		return groups;
	}

	public List<InboxItem> page(InboxTab tab, String user, InboxFilter filter, InboxSort sort, int offset, int limit) {
		InboxQuery query = InboxQuery.of(tab, user, groupsOf(tab, user), filter, sort, this.clock.instant());
		List<InboxRow> rows = this.mapper.inbox(query, offset, limit);
		if (rows.isEmpty()) {
			return List.of();
		}
		// the engine's fields of just these tasks, by id (indexed on the engine's side)
		Map<String, Task> tasks = this.engine.createTaskQuery()
			.taskIdIn(rows.stream().map(InboxRow::taskId).toArray(String[]::new))
			.list()
			.stream()
			.collect(Collectors.toMap(Task::getId, Function.identity()));
		Map<SlaClocks.CaseOffice, SlaStatus> statuses = this.sla.officeStatuses(
				rows.stream().map(InboxRow::caseId).filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
		List<InboxItem> items = rows.stream()
			.filter((row) -> tasks.containsKey(row.taskId()))
			.map((row) -> item(row, tasks.get(row.taskId()),
					statuses.get(new SlaClocks.CaseOffice(row.caseId(), row.officeGroupId()))))
			.collect(Collectors.toCollection(ArrayList::new));
		if (sort == InboxSort.PRIORITY) {
			items.sort(Comparator.comparingInt(InboxItem::priority).reversed());
		}
		return items;
	}

	public int count(InboxTab tab, String user, InboxFilter filter) {
		return this.mapper
			.count(InboxQuery.of(tab, user, groupsOf(tab, user), filter, InboxSort.SLA, this.clock.instant()));
	}

	private InboxItem item(InboxRow row, Task task, SlaStatus status) {
		return new InboxItem(row.taskId(), row.caseId(), row.trackingCode(), row.topicCode(), row.channel(),
				row.administrationCode(), row.officeGroupId(), task.getName(), task.getTaskDefinitionKey(),
				task.getAssignee(), task.getOwner(), task.getDelegationState() == DelegationState.PENDING,
				task.getPriority(), row.createdAt(),
				(task.getFollowUpDate() != null) ? task.getFollowUpDate().toInstant() : null,
				(status != null) ? status.state() : null, (status != null) ? status.left() : null, row.citizenName(),
				row.subject());
	}

}
