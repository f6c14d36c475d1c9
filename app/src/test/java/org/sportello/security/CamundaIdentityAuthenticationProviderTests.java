package org.sportello.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.sportello.support.H2ApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@H2ApplicationTest
class CamundaIdentityAuthenticationProviderTests {

	@Autowired
	CamundaIdentityAuthenticationProvider provider;

	@Autowired
	VerifiedCredentials verified;

	@Autowired
	IdentityService identity;

	@Test
	void rolesAndOfficesBecomeAuthorities() {
		Authentication authentication = this.provider
			.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("bo-inps", "demo"));

		assertThat(authentication.isAuthenticated()).isTrue();
		assertThat(authentication.getName()).isEqualTo("bo-inps");
		assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_bo", "ROLE_inps-bo");
	}

	@Test
	void wrongPasswordUnknownUserAndEmptyNameAreRefused() {
		assertThatThrownBy(() -> this.provider
			.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("supervisor1", "wrong")))
			.isInstanceOf(BadCredentialsException.class);
		assertThatThrownBy(
				() -> this.provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("nobody", "demo")))
			.isInstanceOf(BadCredentialsException.class);
		assertThatThrownBy(
				() -> this.provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(" ", "demo")))
			.isInstanceOf(BadCredentialsException.class);
	}

	@Test
	void aRightPairIsRememberedForAMomentAndAWrongOneNever() {
		User user = this.identity.newUser("remembered-api-client");
		user.setPassword("first password");
		this.identity.saveUser(user);
		this.identity.createMembership(user.getId(), Roles.FO);
		try {
			assertThat(authenticate(user.getId(), "first password").getAuthorities())
				.extracting(GrantedAuthority::getAuthority)
				.containsExactly("ROLE_fo");
			user.setPassword("second password");
			this.identity.saveUser(user);

			// within the hold the pair that passed still passes, without the store
			assertThat(authenticate(user.getId(), "first password").isAuthenticated()).isTrue();
			assertThat(authenticate(user.getId(), "second password").isAuthenticated()).isTrue();
			assertThatThrownBy(() -> authenticate(user.getId(), "third password"))
				.isInstanceOf(BadCredentialsException.class);
			// another user never gets a remembered pair of someone else
			assertThatThrownBy(() -> authenticate("fo1", "first password")).isInstanceOf(BadCredentialsException.class);

			this.verified.forget();
			assertThatThrownBy(() -> authenticate(user.getId(), "first password"))
				.isInstanceOf(BadCredentialsException.class);
			assertThat(authenticate(user.getId(), "second password").isAuthenticated()).isTrue();
		}
		finally {
			this.identity.deleteUser(user.getId());
			this.verified.forget();
		}
	}

	private Authentication authenticate(String userId, String password) {
		return this.provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(userId, password));
	}

}
