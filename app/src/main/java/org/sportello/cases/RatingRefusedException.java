package org.sportello.cases;

/** A rating that cannot be taken: the case is not finished yet, or was already rated. */
public class RatingRefusedException extends RuntimeException {

	public enum Reason {

		NOT_FINISHED, ALREADY_RATED

	}

	private final Reason reason;

	public RatingRefusedException(Reason reason) {
		super("rating refused: " + reason);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

}
