package org.sportello.tasklist;

/**
 * What a back-office official decides on a case (values of the form field
 * {@code boOutcome}).
 */
public enum BackOfficeOutcome {

	ANSWER, REQUEST_INFO, TRANSFER, BACK_TO_FRONT_OFFICE, NOT_COMPETENT

}
