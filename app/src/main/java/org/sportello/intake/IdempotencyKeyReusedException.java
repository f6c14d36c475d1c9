package org.sportello.intake;

/** An Idempotency-Key already used for another request: 422. */
class IdempotencyKeyReusedException extends RuntimeException {

	IdempotencyKeyReusedException() {
		super("Idempotency-Key already used for another request");
	}

}
