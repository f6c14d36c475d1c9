package org.sportello.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.stereotype.Component;

/**
 * Authenticates against Camunda's identity service, the single user store of Sportello:
 * passwords are checked (hashed, with Camunda's lock-out after repeated failures) by the
 * engine, and every group the user belongs to becomes the authority
 * {@code ROLE_<groupId>}.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

	private final IdentityService identityService;

	CamundaIdentityAuthenticationProvider(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String userId = authentication.getName();
		Object credentials = authentication.getCredentials();
		if (userId == null || userId.isBlank() || !(credentials instanceof String password)
				|| !this.identityService.checkPassword(userId, password)) {
			throw new BadCredentialsException("Bad credentials");
		}
		List<GrantedAuthority> authorities = authoritiesOf(userId);
		User principal = new User(userId, "", authorities);
		return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
	}

	private List<GrantedAuthority> authoritiesOf(String userId) {
		return this.identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.<GrantedAuthority>map((groupId) -> new SimpleGrantedAuthority("ROLE_" + groupId))
			.toList();
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
