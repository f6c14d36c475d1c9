package org.sportello.security;

import java.util.List;

/**
 * The role groups of Sportello. Roles are Camunda identity groups (so Cockpit and Admin
 * show the same users); Spring Security sees each group a user belongs to as
 * {@code ROLE_<groupId>}.
 */
public final class Roles {

	/** Front-office operator: opens cases, closes them on the spot or forwards them. */
	public static final String FO = "fo";

	/** Back-office official: works the cases routed to their office. */
	public static final String BO = "bo";

	/** Supervisor: dashboards, exports, escalations. */
	public static final String SUPERVISOR = "supervisor";

	/** Process designer: deploys BPMN, DMN and forms (Camunda Modeler, REST, Cockpit). */
	public static final String DESIGNER = "designer";

	/** Administrator: users, offices, calendars; Camunda admin group. */
	public static final String ADMIN = "admin";

	public static final List<String> ALL = List.of(FO, BO, SUPERVISOR, DESIGNER, ADMIN);

	/**
	 * Camunda's built-in administrators group. The webapps send everyone to their
	 * first-user setup page while nobody belongs to it, so administrators are members of
	 * both groups.
	 */
	public static final String CAMUNDA_ADMIN = "camunda-admin";

	/** Camunda group type of the role groups; office groups use {@code WORKFLOW}. */
	public static final String GROUP_TYPE = "SYSTEM";

	/** The groups a user of this role joins. */
	public static List<String> groupsOf(String role) {
		return ADMIN.equals(role) ? List.of(ADMIN, CAMUNDA_ADMIN) : List.of(role);
	}

	private Roles() {
	}

}
