package org.sportello;

import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.TransientDataAccessException;

/**
 * A transaction run again when the database gave it up as a deadlock or a lock wait: two
 * transactions took the same rows in opposite order (a case opened while the SLA sweep
 * escalated a batch, found by {@code bench/cluster.sh}), and the loser was rolled back
 * whole, so running it again is safe. The caller must not be inside a transaction of its
 * own: each attempt is a new one. Three attempts, a few milliseconds apart.
 */
public final class Retried {

	private static final Logger log = LoggerFactory.getLogger(Retried.class);

	static final int ATTEMPTS = 3;

	private Retried() {
	}

	public static <T> T onDeadlock(String what, Supplier<T> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return work.get();
			}
			catch (RuntimeException ex) {
				if (attempt >= ATTEMPTS || !isTransient(ex)) {
					throw ex;
				}
				log.info("{}: the database gave the transaction up ({}), attempt {} of {}", what,
						ex.getClass().getSimpleName(), attempt + 1, ATTEMPTS);
				pause(attempt);
			}
		}
	}

	/**
	 * Whether the failure is the database's giving up (a deadlock, a lock wait, Spring's
	 * transient failures), also when the engine wrapped it (a listener's statement).
	 */
	public static boolean isTransient(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof TransientDataAccessException || cause instanceof SQLTransactionRollbackException) {
				return true;
			}
		}
		return false;
	}

	private static void pause(int attempt) {
		try {
			// apart, so that the two transactions do not meet again at once
			Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25) * attempt);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
