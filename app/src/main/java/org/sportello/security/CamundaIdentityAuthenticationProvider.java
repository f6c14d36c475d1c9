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
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Authenticates against Camunda's identity service, the single user store of Sportello:
 * passwords are checked (hashed) by the engine, guessing is slowed per user name and
 * client address by {@link LoginThrottle}, and every group the user belongs to becomes
 * the authority {@code ROLE_<groupId>}. A pair that passed is remembered for a few
 * seconds ({@link VerifiedCredentials}), for integrations that send it with every
 * request.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

	private final IdentityService identityService;

	private final LoginThrottle throttle;

	private final VerifiedCredentials verified;

	CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle,
			VerifiedCredentials verified) {
		this.identityService = identityService;
		this.throttle = throttle;
		this.verified = verified;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String userId = authentication.getName();
		Object credentials = authentication.getCredentials();
		if (userId == null || userId.isBlank() || !(credentials instanceof String password)) {
			throw new BadCredentialsException("Bad credentials");
		}
		List<GrantedAuthority> recalled = this.verified.recall(userId, password);
		if (recalled != null) {
			// the right password a moment ago (an integration's stateless request)
			return authenticated(userId, recalled);
		}
		String address = clientAddress(authentication);
		if (!this.throttle.waitFor(userId, address).isZero()) {
			// the same answer as a wrong password: the guesser learns nothing, not even
			// that this pair waits
			throw new BadCredentialsException("Bad credentials");
		}
		if (!this.identityService.checkPassword(userId, password)) {
			this.throttle.failed(userId, address);
			throw new BadCredentialsException("Bad credentials");
		}
		this.throttle.succeeded(userId, address);
		List<GrantedAuthority> authorities = authoritiesOf(userId);
		this.verified.remember(userId, password, authorities);
		return authenticated(userId, authorities);
	}

	private static Authentication authenticated(String userId, List<GrantedAuthority> authorities) {
		User principal = new User(userId, "", authorities);
		return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
	}

	/**
	 * The caller's address as the servlet container saw it (behind a proxy: forwarded).
	 */
	private static String clientAddress(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) ? details.getRemoteAddress() : "unknown";
	}

	private List<GrantedAuthority> authoritiesOf(String userId) {
		return this.identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.<GrantedAuthority>map((groupId) -> new SimpleGrantedAuthority(Roles.authorityOf(groupId)))
			.toList();
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
