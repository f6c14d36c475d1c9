package org.sportello.tasklist;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.sportello.support.H2ApplicationTest;
import org.sportello.tasklist.TaskEvents.TaskChange;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live inbox updates across the nodes of a cluster: another node's committed task change
 * reaches this node's inboxes once; this node's own change reaches them at commit and is
 * not delivered again from the database; a rolled-back change reaches nobody.
 */
@H2ApplicationTest
class TaskSignalsTests {

	@Autowired
	TaskEvents events;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void anotherNodesChangeReachesThisNodesInboxesOnceAndOwnChangesAreNotRepeated() {
		List<TaskChange> heard = new CopyOnWriteArrayList<>();
		Runnable stop = this.events.subscribe(heard::add);
		try {
			// the first read starts from now (the scheduled one may have done it already)
			this.events.receive();

			// a change committed by another node sharing the database
			this.jdbc.update(
					"INSERT INTO spt_task_signal (node, task_id, groups_csv, users_csv, created_at) "
							+ "VALUES ('another-node', 'task-from-b', ?, ?, ?)",
					"inps-bo\nbo", "bo-inps", Timestamp.from(Instant.parse("2026-03-02T09:00:00Z")));
			this.events.receive();
			this.events.receive();
			assertThat(heard).filteredOn((change) -> change.taskId().equals("task-from-b"))
				.singleElement()
				.satisfies((change) -> {
					assertThat(change.groups()).containsExactlyInAnyOrder("inps-bo", "bo");
					assertThat(change.users()).containsExactly("bo-inps");
					assertThat(change.concerns("someone", Set.of("inps-bo"))).isTrue();
				});

			// this node's own change: heard at commit, not again from the database
			this.transactions.executeWithoutResult(
					(status) -> this.events.publish(new TaskChange("task-of-a", Set.of("comune-aq-bo"), Set.of())));
			this.events.receive();
			assertThat(heard).filteredOn((change) -> change.taskId().equals("task-of-a")).hasSize(1);
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_task_signal WHERE task_id = 'task-of-a'",
					Integer.class))
				.isOne();

			// rolled back: neither this node nor the others hear of it
			this.transactions.executeWithoutResult((status) -> {
				this.events.publish(new TaskChange("task-rolled-back", Set.of("comune-aq-bo"), Set.of()));
				status.setRollbackOnly();
			});
			this.events.receive();
			assertThat(heard).noneMatch((change) -> change.taskId().equals("task-rolled-back"));
			assertThat(this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM spt_task_signal WHERE task_id = 'task-rolled-back'", Integer.class))
				.isZero();
		}
		finally {
			stop.run();
		}
	}

}
