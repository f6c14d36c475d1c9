package org.sportello.sla;

/** Someone else saved the calendar since it was read (optimistic locking). */
public class CalendarChangedException extends RuntimeException {

	public CalendarChangedException(String office) {
		super("The calendar of " + office + " was changed by someone else");
	}

}
