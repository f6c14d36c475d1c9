package org.sportello.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

import org.sportello.Held;
import org.sportello.security.Roles;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrations and their offices. An office is registered as a Camunda group and as a
 * row of ours in one transaction (the engine joins Spring's transaction on the same data
 * source), so there is never a group without its administration or the other way round.
 */
@Service
public class Directory {

	/** Camunda group type of office groups (role groups are {@code SYSTEM}). */
	public static final String OFFICE_GROUP_TYPE = "WORKFLOW";

	private final DirectoryMapper mapper;

	/**
	 * Offices are read on every step of every case and only ever added (ADR 0027): one
	 * read holds this long (a row changed by hand in the database shows after it).
	 */
	private final Held<String, Office> offices = new Held<>(java.time.Duration.ofSeconds(30));

	private final IdentityService identityService;

	/**
	 * Counts the offices registered on this node: features that keep the list of offices
	 * read it again when it changes.
	 */
	private final java.util.concurrent.atomic.AtomicLong officesChanged = new java.util.concurrent.atomic.AtomicLong();

	public long officesChanged() {
		return this.officesChanged.get();
	}

	Directory(DirectoryMapper mapper, IdentityService identityService) {
		this.mapper = mapper;
		this.identityService = identityService;
	}

	public List<Administration> administrations() {
		return this.mapper.administrations();
	}

	public Optional<Administration> administration(String code) {
		return this.mapper.administration(code);
	}

	/**
	 * The administration's name as people read it; its code when the directory does not
	 * know it; null for null.
	 */
	public String administrationName(String code) {
		return (code == null) ? null : administration(code).map(Administration::name).orElse(code);
	}

	public List<Office> offices() {
		return this.mapper.offices();
	}

	public Optional<Office> office(String groupId) {
		if (groupId == null) {
			return Optional.empty();
		}
		return this.offices.get(groupId, this.mapper::office);
	}

	/**
	 * The offices whose supervisors this user is: those naming one of the user's groups
	 * as their supervisor group and, for offices naming none, every supervisor and
	 * administrator (as for SLA escalations).
	 */
	public List<String> officesSupervisedBy(Membership membership) {
		List<String> groups = membership.groupIds();
		boolean supervisesUnassigned = membership.roles().contains(Roles.SUPERVISOR)
				|| membership.roles().contains(Roles.ADMIN);
		return offices().stream()
			.filter((office) -> (office.supervisorGroup() != null) ? groups.contains(office.supervisorGroup())
					: supervisesUnassigned)
			.map(Office::groupId)
			.toList();
	}

	/** The offices (groups) a user belongs to. */
	public List<Office> officesOf(String userId) {
		return membershipOf(userId).offices();
	}

	/** A user's role groups and offices, from one query of the identity service. */
	public Membership membershipOf(String userId) {
		List<String> roles = new ArrayList<>();
		List<Office> offices = new ArrayList<>();
		for (Group group : this.identityService.createGroupQuery().groupMember(userId).list()) {
			if (OFFICE_GROUP_TYPE.equals(group.getType())) {
				office(group.getId()).ifPresent(offices::add);
			}
			else {
				roles.add(group.getId());
			}
		}
		return new Membership(List.copyOf(roles), List.copyOf(offices));
	}

	/**
	 * A user's role groups and offices from the group ids their authentication carries
	 * (an API request's authorities, remembered at most as long as its password,
	 * {@code security.VerifiedCredentials}): no identity query. Offices are the ids the
	 * directory knows as offices, roles the others. The role groups themselves are never
	 * offices (their Camunda group type says so, as in {@link #membershipOf}): they are
	 * not looked up, which would read the database on every request, an answer not found
	 * being never held.
	 */
	public Membership membershipOfGroups(Collection<String> groupIds) {
		List<String> roles = new ArrayList<>();
		List<Office> offices = new ArrayList<>();
		for (String groupId : groupIds) {
			if (Roles.isRoleGroup(groupId)) {
				roles.add(groupId);
				continue;
			}
			office(groupId).ifPresentOrElse(offices::add, () -> roles.add(groupId));
		}
		return new Membership(List.copyOf(roles), List.copyOf(offices));
	}

	/** The users of an office (Camunda group members). */
	public List<String> membersOf(String officeGroupId) {
		return this.identityService.createUserQuery()
			.memberOfGroup(officeGroupId)
			.list()
			.stream()
			.map((user) -> user.getId())
			.toList();
	}

	/**
	 * The role groups ({@code SYSTEM}) and offices ({@code WORKFLOW} groups) of a user.
	 */
	public record Membership(List<String> roles, List<Office> offices) {

		/**
		 * Every group of the user: role groups, offices and, for reviewers, the review
		 * groups of their offices' administrations (candidate groups of tasks).
		 */
		public List<String> groupIds() {
			List<String> groups = new ArrayList<>(this.roles);
			this.offices.forEach((office) -> groups.add(office.groupId()));
			if (this.roles.contains(Roles.KB_REVIEWER)) {
				this.offices.stream()
					.map((office) -> Roles.reviewersOf(office.administrationCode()))
					.distinct()
					.forEach(groups::add);
			}
			return groups;
		}
	}

	/**
	 * The back office that receives cases transferred to an administration: its transfer
	 * desk, or else its only back office; none when the administration has several and no
	 * desk.
	 */
	public Optional<Office> backOfficeOf(String administrationCode) {
		List<Office> backOffices = this.mapper.offices()
			.stream()
			.filter((office) -> office.administrationCode().equals(administrationCode))
			.filter((office) -> office.kind() == OfficeKind.BACK_OFFICE_EXTERNAL
					|| office.kind() == OfficeKind.BACK_OFFICE_INTERNAL)
			.toList();
		return backOffices.stream()
			.filter(Office::transferDesk)
			.findFirst()
			.or(() -> (backOffices.size() == 1) ? Optional.of(backOffices.get(0)) : Optional.empty());
	}

	/**
	 * The network's coordination office (Linea Amica): it receives the cases escalated at
	 * the second level and may reassign them.
	 */
	public Optional<Office> hubOffice() {
		return this.mapper.offices().stream().filter((office) -> office.kind() == OfficeKind.HUB).findFirst();
	}

	@Transactional
	public Administration registerAdministration(String code, String name, String kind) {
		Administration administration = new Administration(code, name, kind, 0);
		this.mapper.insertAdministration(administration);
		return administration;
	}

	@Transactional
	public Office registerOffice(String groupId, String administrationCode, String name, OfficeKind kind,
			boolean transferDesk) {
		this.officesChanged.incrementAndGet();
		if (this.mapper.administration(administrationCode).isEmpty()) {
			throw new IllegalArgumentException("Unknown administration " + administrationCode);
		}
		Office office = new Office(groupId, administrationCode, name, kind, transferDesk, null, 0);
		this.mapper.insertOffice(office);
		if (this.identityService.createGroupQuery().groupId(groupId).count() == 0) {
			Group group = this.identityService.newGroup(groupId);
			group.setName(name);
			group.setType(OFFICE_GROUP_TYPE);
			this.identityService.saveGroup(group);
		}
		return office;
	}

}
