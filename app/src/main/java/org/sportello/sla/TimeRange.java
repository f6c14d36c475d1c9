package org.sportello.sla;

import java.time.LocalTime;

/** Opening hours within one day, start inclusive, end exclusive. */
public record TimeRange(LocalTime start, LocalTime end) {

	public TimeRange {
		if (start == null || end == null) {
			throw new InvalidCalendarException("calendar.range-missing", "start and end are required");
		}
		if (!end.isAfter(start)) {
			throw new InvalidCalendarException("calendar.end-before-start", start + "-" + end,
					"end " + end + " is not after start " + start);
		}
	}

	/** As an office writes it: 09:00-13:00. */
	public String text() {
		return this.start + "-" + this.end;
	}

	boolean overlaps(TimeRange other) {
		return this.start.isBefore(other.end) && other.start.isBefore(this.end);
	}

}
