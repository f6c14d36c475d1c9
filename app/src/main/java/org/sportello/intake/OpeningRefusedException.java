package org.sportello.intake;

/**
 * The user may not open cases: only those who may read every case do (front office,
 * supervisors, administrators, the hub), so that nobody creates a case they then cannot
 * read.
 */
public class OpeningRefusedException extends RuntimeException {

	OpeningRefusedException(String userId) {
		super("User " + userId + " may not open cases");
	}

}
