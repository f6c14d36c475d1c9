package org.sportello.intake;

/** Unknown code, or a case the caller may not see: the same answer for both. */
class CaseNotFoundException extends RuntimeException {

	CaseNotFoundException(String trackingCode) {
		super("No case " + trackingCode);
	}

}
