package org.sportello;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Answers read from the database and held for a while on this node: for rows read on
 * every case and changed seldom (offices, the topic catalogue, SMS texts). Only answers
 * found are held, so a row added shows at once; a row changed on another node (or by
 * hand) shows within the hold; a change made through this node forgets at once. Held on
 * monotonic time, about real seconds, whatever the application's clock says.
 */
public final class Held<K, V> {

	private record Known<V>(V value, long readAt) {
	}

	private final long holdNanos;

	private final Map<K, Known<V>> known = new ConcurrentHashMap<>();

	public Held(Duration hold) {
		this.holdNanos = hold.toNanos();
	}

	/** The held answer for the key, or what {@code read} finds (held if found). */
	public Optional<V> get(K key, Function<K, Optional<V>> read) {
		Known<V> held = this.known.get(key);
		if (held != null && System.nanoTime() - held.readAt() < this.holdNanos) {
			return Optional.of(held.value());
		}
		Optional<V> found = read.apply(key);
		found.ifPresent((value) -> this.known.put(key, new Known<>(value, System.nanoTime())));
		return found;
	}

	/** Forgets everything held (a change made through this node). */
	public void forgetAll() {
		this.known.clear();
	}

}
