package org.sportello;

import java.util.HashMap;
import java.util.Map;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A map that lives as long as the current transaction: what a transaction already knows
 * (a row it read or wrote) is found there by the next step of the same transaction
 * instead of being read again. Opening a case runs a dozen listeners that each used to
 * read the same rows (issue #19, ADR 0027).
 */
public final class InTransaction {

	private InTransaction() {
	}

	/**
	 * The current transaction's map under {@code owner}, created on first use; null
	 * outside a transaction (callers then read the database).
	 */
	@SuppressWarnings("unchecked")
	public static <K, V> Map<K, V> map(Object owner) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return null;
		}
		Map<K, V> map = (Map<K, V>) TransactionSynchronizationManager.getResource(owner);
		if (map == null) {
			Map<K, V> fresh = new HashMap<>();
			TransactionSynchronizationManager.bindResource(owner, fresh);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(owner);
				}
			});
			map = fresh;
		}
		return map;
	}

}
