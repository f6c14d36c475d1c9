package org.sportello.distribution;

/** An operator's availability for front-office work. */
public enum DutyState {

	/** Takes calls and tasks: counts in the capacity of the operator's front offices. */
	ON_DUTY,

	/** Away for a while; does not count. */
	BREAK,

	/** Not working (also when an on-duty day has ended by itself). */
	OFF

}
