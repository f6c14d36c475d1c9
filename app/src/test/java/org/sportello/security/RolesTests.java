package org.sportello.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The role groups and their names as Spring Security authorities. */
class RolesTests {

	@Test
	void theRoleGroupsAreKnownAndOfficesAreNot() {
		assertThat(Roles.ALL).allMatch(Roles::isRoleGroup);
		assertThat(Roles.isRoleGroup(Roles.CAMUNDA_ADMIN)).isTrue();
		assertThat(Roles.isRoleGroup("inps-laquila-bo")).isFalse();
		assertThat(Roles.isRoleGroup(Roles.reviewersOf("INPS"))).isFalse();
	}

	@Test
	void groupIdsComeBackFromTheirAuthorities() {
		List<String> authorities = List.of(Roles.authorityOf(Roles.FO), Roles.authorityOf("hub-fo"), "SCOPE_x");
		assertThat(Roles.groupIdsOf(authorities)).containsExactly(Roles.FO, "hub-fo");
	}

}
