package org.sportello.tasklist;

/** Inbox order: SLA time left (default), newest first, or priority. */
public enum InboxSort {

	SLA, NEWEST, PRIORITY

}
