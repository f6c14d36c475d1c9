package org.sportello.security;

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

}
