package org.sportello.cases;

import java.time.Instant;
import java.util.List;

/**
 * A {@link CaseSearch} as the query runs it: the text read as a code, phone, email or
 * name words, the period as instants, "open" as statuses, and the administrations a
 * back-office official may see (null: every case). The search starts from the cases of
 * {@code word} (the longest name word; {@code otherWords} are checked on each), else from
 * those of {@code drivingAdministrations}, else from every case.
 */
record SearchQuery(String code, String phone, String email, String word, List<String> otherWords,
		List<String> drivingAdministrations, CaseStatus status, List<CaseStatus> statuses, String topic,
		String administration, Instant from, Instant until, List<String> administrations) {
}
