package org.sportello.reporting;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Marks a day's sums to be computed again ({@link DailyFigures}), in the caller's
 * transaction.
 */
@Component
class DayMarks {

	/**
	 * Marks per day are spread over this many rows, so concurrent changes seldom meet.
	 */
	static final int SHARDS = 32;

	private final FactMapper mapper;

	DayMarks(FactMapper mapper) {
		this.mapper = mapper;
	}

	void mark(LocalDate day) {
		try {
			this.mapper.markDirty(day, ThreadLocalRandom.current().nextInt(SHARDS));
		}
		catch (DuplicateKeyException ex) {
			// marked by a concurrent transaction between the check and the insert: one
			// mark is enough
		}
	}

}
