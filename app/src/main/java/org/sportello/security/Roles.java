package org.sportello.security;

import java.util.Collection;
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

	/**
	 * Knowledge base editor: writes the articles of the administrations of their offices
	 * and sends them for review.
	 */
	public static final String KB_EDITOR = "kb-editor";

	/**
	 * Knowledge base reviewer: approves the articles of the administrations of their
	 * offices (the review tasks of processes/kb-article.bpmn go to {@link #reviewersOf}).
	 */
	public static final String KB_REVIEWER = "kb-reviewer";

	public static final List<String> ALL = List.of(FO, BO, SUPERVISOR, DESIGNER, ADMIN, KB_EDITOR, KB_REVIEWER);

	/**
	 * The candidate group of an administration's article reviews: every reviewer with an
	 * office of that administration has it (derived, not a Camunda group to keep in
	 * step).
	 */
	public static String reviewersOf(String administrationCode) {
		return "kb-review-" + administrationCode.toLowerCase(java.util.Locale.ROOT);
	}

	/**
	 * Camunda's built-in administrators group. The webapps send everyone to their
	 * first-user setup page while nobody belongs to it, so administrators are members of
	 * both groups.
	 */
	public static final String CAMUNDA_ADMIN = "camunda-admin";

	/** Camunda group type of the role groups; office groups use {@code WORKFLOW}. */
	public static final String GROUP_TYPE = "SYSTEM";

	/** Whether this is one of the role groups (never an office). */
	public static boolean isRoleGroup(String groupId) {
		return ALL.contains(groupId) || CAMUNDA_ADMIN.equals(groupId);
	}

	/** Spring Security's name for membership of a group. */
	public static String authorityOf(String groupId) {
		return AUTHORITY_PREFIX + groupId;
	}

	/** The group ids among Spring Security authorities ({@link #authorityOf}). */
	public static List<String> groupIdsOf(Collection<String> authorities) {
		return authorities.stream()
			.filter((authority) -> authority.startsWith(AUTHORITY_PREFIX))
			.map((authority) -> authority.substring(AUTHORITY_PREFIX.length()))
			.toList();
	}

	private static final String AUTHORITY_PREFIX = "ROLE_";

	/** The groups a user of this role joins. */
	public static List<String> groupsOf(String role) {
		return ADMIN.equals(role) ? List.of(ADMIN, CAMUNDA_ADMIN) : List.of(role);
	}

	private Roles() {
	}

}
