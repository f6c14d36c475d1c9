package org.sportello.documents;

import org.sportello.cases.PersonalDataErased;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Retention: the officials' messages in an erased case's requests for documents. */
@Component
class DocumentErasure {

	private final DocumentRequestMapper requests;

	DocumentErasure(DocumentRequestMapper requests) {
		this.requests = requests;
	}

	@EventListener
	void erased(PersonalDataErased erased) {
		this.requests.blankCase(erased.caseId());
	}

}
