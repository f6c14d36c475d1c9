package org.sportello.tasklist;

/** The inbox tabs. */
public enum InboxTab {

	/** Claimed by or assigned to me. */
	MINE,
	/** Not yet claimed, offered to one of my offices. */
	OFFICES,
	/** Delegated to me by a colleague (to resolve and give back). */
	DELEGATED,
	/** Supervisors: every open task of my offices, claimed or not. */
	OFFICES_ALL

}
