package org.sportello.tasklist;

/**
 * An inbox filter an official saved under a name, with the tab and order it goes with.
 */
public record SavedFilter(String name, InboxTab tab, InboxSort sort, InboxFilter filter) {
}
