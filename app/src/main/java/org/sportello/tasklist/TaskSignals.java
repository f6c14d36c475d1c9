package org.sportello.tasklist;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.sportello.tasklist.TaskEvents.TaskChange;

import org.springframework.stereotype.Component;

/**
 * Task changes between the nodes of a cluster, through the shared database: a change is
 * written in the transaction that makes it (so only committed changes travel), and every
 * node reads the others' new rows ({@link #receive}, about once a second) to tell its own
 * open inboxes. Auto-increment ids may commit out of order, so each read looks
 * {@link #MARGIN} ids back and skips those already seen. Rows older than {@link #KEEP}
 * are deleted by any node.
 */
@Component
class TaskSignals {

	static final int MARGIN = 2_000;

	static final Duration KEEP = Duration.ofMinutes(10);

	private static final String SEPARATOR = "\n";

	private final TaskSignalMapper mapper;

	private final Clock clock;

	/** This node, for the rows it wrote (its own inboxes heard them at commit). */
	private final String node = UUID.randomUUID().toString();

	private long readUpTo = -1;

	/** Ids within the margin already handled (own or others'). */
	private final Set<Long> seen = new LinkedHashSet<>();

	TaskSignals(TaskSignalMapper mapper, Clock clock) {
		this.mapper = mapper;
		this.clock = clock;
	}

	/** Within the transaction of the change. */
	void send(TaskChange change) {
		this.mapper.insert(this.node, change.taskId(), String.join(SEPARATOR, change.groups()),
				String.join(SEPARATOR, change.users()), this.clock.instant());
	}

	/** The other nodes' changes committed since the last call (none at the first). */
	synchronized List<TaskChange> receive() {
		if (this.readUpTo < 0) {
			// start from now: what happened before this node listened is in its pages
			this.readUpTo = this.mapper.lastId();
			return List.of();
		}
		List<TaskChange> changes = new ArrayList<>();
		for (TaskSignalMapper.SignalRow row : this.mapper.after(Math.max(0, this.readUpTo - MARGIN))) {
			if (!this.seen.add(row.id())) {
				continue;
			}
			this.readUpTo = Math.max(this.readUpTo, row.id());
			if (!this.node.equals(row.node())) {
				changes.add(new TaskChange(row.taskId(), split(row.groupsCsv()), split(row.usersCsv())));
			}
		}
		long forgetBelow = this.readUpTo - MARGIN;
		this.seen.removeIf((id) -> id <= forgetBelow);
		return changes;
	}

	int purge() {
		return this.mapper.purge(this.clock.instant().minus(KEEP));
	}

	private static Set<String> split(String joined) {
		return (joined == null || joined.isEmpty()) ? Set.of()
				: Arrays.stream(joined.split(SEPARATOR)).collect(Collectors.toUnmodifiableSet());
	}

}
