package org.sportello.security;

import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes sure the role groups exist and that designers hold the Camunda authorizations
 * their work needs (deploy models, see them in Cockpit). Administrators are Camunda admin
 * groups ({@code EngineHardeningPlugin}), so they need no grant. Idempotent; runs in
 * every profile.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RoleSetup implements ApplicationRunner {

	private static final Map<Resource, Permission> DESIGNER_GRANTS = Map.of(Resources.APPLICATION, Permissions.ACCESS,
			Resources.DEPLOYMENT, Permissions.ALL, Resources.PROCESS_DEFINITION, Permissions.ALL,
			Resources.DECISION_DEFINITION, Permissions.ALL, Resources.DECISION_REQUIREMENTS_DEFINITION, Permissions.ALL,
			Resources.PROCESS_INSTANCE, Permissions.READ, Resources.HISTORIC_PROCESS_INSTANCE,
			HistoricProcessInstancePermissions.READ);

	private final IdentityService identityService;

	private final AuthorizationService authorizationService;

	RoleSetup(IdentityService identityService, AuthorizationService authorizationService) {
		this.identityService = identityService;
		this.authorizationService = authorizationService;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		for (String role : Stream.concat(Roles.ALL.stream(), Stream.of(Roles.CAMUNDA_ADMIN)).toList()) {
			if (this.identityService.createGroupQuery().groupId(role).count() == 0) {
				Group group = this.identityService.newGroup(role);
				group.setName(role);
				group.setType(Roles.GROUP_TYPE);
				this.identityService.saveGroup(group);
			}
		}
		DESIGNER_GRANTS.forEach((resource, permission) -> grant(Roles.DESIGNER, resource, permission));
		// Membership of an engine admin group bypasses checks inside the engine, but the
		// webapps
		// decide which applications to show from explicit grants, as Camunda's own admin
		// setup
		// makes them.
		for (Resources resource : Resources.values()) {
			grant(Roles.ADMIN, resource, Permissions.ALL);
		}
	}

	private void grant(String groupId, Resource resource, Permission permission) {
		String resourceId = (resource == Resources.APPLICATION && Roles.DESIGNER.equals(groupId)) ? "cockpit"
				: Authorization.ANY;
		boolean present = this.authorizationService.createAuthorizationQuery()
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(resourceId)
			.count() > 0;
		if (!present) {
			Authorization authorization = this.authorizationService
				.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			authorization.setGroupId(groupId);
			authorization.setResource(resource);
			authorization.setResourceId(resourceId);
			authorization.addPermission(permission);
			this.authorizationService.saveAuthorization(authorization);
		}
	}

}
