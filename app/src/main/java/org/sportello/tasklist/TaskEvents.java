package org.sportello.tasklist;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

import org.camunda.bpm.engine.delegate.DelegateTask;

import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the open inboxes that a task was created, claimed or ended, once the change is
 * committed: this node's at once, the other nodes' within about a second
 * ({@link TaskSignals}, through the shared database). Each inbox refreshes only when the
 * change concerns its user or one of its groups; no inbox polls the database.
 */
@Component
@EnableScheduling
public class TaskEvents {

	/** A task changed; who may care: its candidate groups and its assignee and owner. */
	public record TaskChange(String taskId, Set<String> groups, Set<String> users) {

		public boolean concerns(String user, Set<String> userGroups) {
			return this.users.contains(user) || this.groups.stream().anyMatch(userGroups::contains);
		}

	}

	private final Set<Consumer<TaskChange>> listeners = new CopyOnWriteArraySet<>();

	private final TaskSignals signals;

	TaskEvents(TaskSignals signals) {
		this.signals = signals;
	}

	/** Listens until the returned handle runs. */
	public Runnable subscribe(Consumer<TaskChange> listener) {
		this.listeners.add(listener);
		return () -> this.listeners.remove(listener);
	}

	void changed(DelegateTask task, String office) {
		Set<String> groups = new HashSet<>();
		task.getCandidates().forEach((link) -> {
			if (link.getGroupId() != null) {
				groups.add(link.getGroupId());
			}
		});
		if (office != null) {
			groups.add(office);
		}
		Set<String> users = new HashSet<>();
		if (task.getAssignee() != null) {
			users.add(task.getAssignee());
		}
		if (task.getOwner() != null) {
			users.add(task.getOwner());
		}
		publish(new TaskChange(task.getId(), Set.copyOf(groups), Set.copyOf(users)));
	}

	/** A waiting task moved from one office's queue to another's (after commit). */
	public void moved(String taskId, String fromOffice, String toOffice) {
		publish(new TaskChange(taskId, Set.of(fromOffice, toOffice), Set.of()));
	}

	void publish(TaskChange change) {
		// the other nodes' inboxes hear it through the database, once committed
		this.signals.send(change);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					deliver(change);
				}
			});
		}
		else {
			deliver(change);
		}
	}

	/** Tells this node's inboxes what the other nodes changed (about once a second). */
	@Scheduled(fixedDelayString = "${sportello.tasklist.signal-interval:1s}", initialDelayString = "PT1S")
	void receive() {
		this.signals.receive().forEach(this::deliver);
	}

	@Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
	void purge() {
		this.signals.purge();
	}

	private void deliver(TaskChange change) {
		this.listeners.forEach((listener) -> listener.accept(change));
	}

}
