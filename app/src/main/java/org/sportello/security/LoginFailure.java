package org.sportello.security;

import java.time.Instant;

/**
 * Wrong passwords for one user name from one client address, and until when that pair
 * must wait.
 */
public record LoginFailure(String userId, String clientAddress, int failures, Instant lastFailureAt,
		Instant blockedUntil) {

	public boolean blockedAt(Instant now) {
		return this.blockedUntil.isAfter(now);
	}

}
