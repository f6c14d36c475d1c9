package org.sportello.tasklist;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.sportello.directory.Directory;
import org.sportello.directory.Office;
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

	Inbox(TaskMapper mapper, Directory directory, SlaClocks sla, Clock clock) {
		this.mapper = mapper;
		this.directory = directory;
		this.sla = sla;
		this.clock = clock;
	}

	/** The groups whose tasks a user sees: offices, and role groups (escalations). */
	public List<String> groupsOf(String user) {
		Directory.Membership membership = this.directory.membershipOf(user);
		List<String> groups = new ArrayList<>(membership.roles());
		membership.offices().stream().map(Office::groupId).forEach(groups::add);
		return groups;
	}

	public List<InboxItem> page(InboxTab tab, String user, InboxFilter filter, InboxSort sort, int offset, int limit) {
		InboxQuery query = InboxQuery.of(tab, user, groupsOf(user), filter, sort, this.clock.instant());
		return this.mapper.inbox(query, offset, limit).stream().map(this::item).toList();
	}

	public int count(InboxTab tab, String user, InboxFilter filter) {
		return this.mapper.count(InboxQuery.of(tab, user, groupsOf(user), filter, InboxSort.SLA, this.clock.instant()));
	}

	private InboxItem item(InboxRow row) {
		SlaStatus status = (row.officeGroupId() != null)
				? this.sla.officeStatus(row.caseId(), row.officeGroupId()).orElse(null) : null;
		return new InboxItem(row.taskId(), row.caseId(), row.trackingCode(), row.topicCode(), row.channel(),
				row.administrationCode(), row.officeGroupId(), row.taskName(), row.taskKey(), row.assignee(),
				row.ownerId(), "PENDING".equals(row.delegation()), row.priority(), row.createdAt(), row.followUp(),
				(status != null) ? status.state() : null, (status != null) ? status.left() : null, row.citizenName());
	}

}
