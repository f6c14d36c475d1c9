package org.sportello.engine;

import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda's default authorizations, except the grant it writes on every task for each
 * candidate group, candidate user, assignee and owner (and deletes when the link goes).
 * Those grants let an office's members see and work the task in Camunda's Tasklist and
 * engine REST API; in Sportello officials work only in Sportello's own task list, and the
 * engine's webapps and REST API admit designers and administrators alone
 * ({@code security.SecurityConfiguration}), so nobody could use them. Writing them cost
 * every task a query and an insert, and every escalation and claim as much again (issue
 * #19, ADR 0031). Authorization checks stay on for everything else.
 */
class NoTaskGrants extends DefaultAuthorizationProvider {

	@Override
	public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
		return null;
	}

	@Override
	public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
		return null;
	}

	@Override
	public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
		return null;
	}

	@Override
	public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
		return null;
	}

	@Override
	public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
		return null;
	}

	@Override
	public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
		return null;
	}

}
