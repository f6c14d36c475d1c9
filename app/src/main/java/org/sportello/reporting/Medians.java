package org.sportello.reporting;

import java.util.List;

/**
 * Median times to resolution from the warehouse's spans of minutes
 * (db/V22__resolution_times.sql): the span that holds the middle case, and within it the
 * point as far in as the middle case is among the span's cases (the lower middle one of
 * an even count). Exact to the span's width (5 minutes for the front office's answers, an
 * hour around a day of back-office work).
 */
public record Medians(Long working, Long calendar) {

	/** The SQL of a value's span: its first minute. */
	static String bucketOf(String minutes) {
		return "CASE WHEN " + minutes + " < 120 THEN " + minutes + " - MOD(" + minutes + ", 5) WHEN " + minutes
				+ " < 480 THEN " + minutes + " - MOD(" + minutes + ", 15) WHEN " + minutes + " < 2400 THEN " + minutes
				+ " - MOD(" + minutes + ", 60) WHEN " + minutes + " < 14400 THEN " + minutes + " - MOD(" + minutes
				+ ", 480) ELSE 14400 END";
	}

	/** The width of the span that starts at this minute (0: the last, open-ended). */
	static long width(long start) {
		if (start < 120) {
			return 5;
		}
		if (start < 480) {
			return 15;
		}
		if (start < 2400) {
			return 60;
		}
		return (start < 14400) ? 480 : 0;
	}

	/** How many cases took the span from {@code bucket} minutes. */
	record Bucket(long bucket, long cases) {
	}

	/** The median of the spans (ordered by start), or null without cases. */
	static Long of(List<Bucket> buckets) {
		long total = buckets.stream().mapToLong(Bucket::cases).sum();
		if (total == 0) {
			return null;
		}
		// the middle case, counted from 1 (the lower one of an even count)
		long middle = (total + 1) / 2;
		long before = 0;
		for (Bucket bucket : buckets) {
			if (before + bucket.cases() >= middle) {
				// the cases spread evenly over the span: the k-th of n starts (k-1)/n in
				double within = (double) (middle - before - 1) / bucket.cases();
				return bucket.bucket() + Math.round(Medians.width(bucket.bucket()) * within);
			}
			before += bucket.cases();
		}
		return buckets.get(buckets.size() - 1).bucket();
	}

}
