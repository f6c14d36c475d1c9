package org.sportello.portal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sportello.cases.RatingRefusedException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of the public API as problem details; every refusal is logged. */
@RestControllerAdvice(assignableTypes = PublicApi.class)
class PublicApiProblems {

	private static final Logger log = LoggerFactory.getLogger(PublicApiProblems.class);

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalid(MethodArgumentNotValidException ex) {
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach((error) -> errors
				.add(Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage()))));
		errors.sort(Comparator.comparing((error) -> error.get("field")));
		log.info("Public API: invalid request {}", errors);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some fields are invalid.");
		problem.setTitle("Invalid request");
		problem.setProperty("errors", errors);
		return problem;
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class })
	ProblemDetail unreadable(Exception ex) {
		log.info("Public API: unreadable request ({})", ex.getClass().getSimpleName());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The body must be JSON with the documented fields.");
		problem.setTitle("Invalid request");
		problem.setProperty("errors", List.of());
		return problem;
	}

	@ExceptionHandler(TrackingRefusedException.class)
	ProblemDetail refused(TrackingRefusedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No request matches this tracking code and PIN.");
		problem.setTitle("Not found");
		return problem;
	}

	@ExceptionHandler(TooManyAttemptsException.class)
	ResponseEntity<ProblemDetail> tooMany(TooManyAttemptsException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				"Too many attempts from this address; try again later.");
		problem.setTitle("Too many attempts");
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header("Retry-After", String.valueOf(Math.max(1, ex.retryAfter().toSeconds())))
			.body(problem);
	}

	@ExceptionHandler(RatingRefusedException.class)
	ProblemDetail ratingRefused(RatingRefusedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				(ex.reason() == RatingRefusedException.Reason.ALREADY_RATED) ? "This request was already rated."
						: "A request can be rated once it is finished.");
		problem.setTitle("Rating not possible");
		problem.setProperty("reason", ex.reason().name());
		return problem;
	}

}
