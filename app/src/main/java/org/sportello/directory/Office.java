package org.sportello.directory;

/**
 * An office: a Camunda identity group (candidate group of user tasks) that belongs to one
 * administration.
 *
 * @param groupId the Camunda group id
 * @param administrationCode the administration it belongs to
 * @param name the office's name
 * @param kind front office, back office (internal or external) or hub
 * @param transferDesk whether it receives cases transferred to its administration
 * @param supervisorGroup the group told when the office's cases breach their SLA, or
 * {@code null} for the network's supervisors
 * @param version optimistic-locking version
 */
public record Office(String groupId, String administrationCode, String name, OfficeKind kind, boolean transferDesk,
		String supervisorGroup, int version) {
}
