package org.sportello.tasklist;

import org.sportello.cases.PersonalDataErased;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Retention: the internal notes of an erased case. */
@Component
class NoteErasure {

	private final TaskMapper tasks;

	NoteErasure(TaskMapper tasks) {
		this.tasks = tasks;
	}

	@EventListener
	void erased(PersonalDataErased erased) {
		this.tasks.blankNotes(erased.caseId());
	}

}
