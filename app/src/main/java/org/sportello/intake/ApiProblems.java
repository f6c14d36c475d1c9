package org.sportello.intake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sportello.cases.AttachmentRejectedException;
import org.sportello.tasklist.ActionRefusedException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.sportello.documents.ReplyRefusedException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Errors of the case API as RFC 9457 problem details; validation problems list every
 * field: {@code {"status":400,"title":"Invalid
 * request","errors":[{"field":"citizen.phone","message":"..."}]}}.
 */
@RestControllerAdvice(assignableTypes = CaseApi.class)
class ApiProblems {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	record FieldProblem(String field, String message) {
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalid(MethodArgumentNotValidException ex) {
		List<FieldProblem> errors = new ArrayList<>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach((error) -> errors.add(new FieldProblem(error.getField(), error.getDefaultMessage())));
		errors.sort(Comparator.comparing(FieldProblem::field));
		return badRequest(errors);
	}

	@ExceptionHandler(InvalidRequestException.class)
	ProblemDetail invalid(InvalidRequestException ex) {
		return badRequest(List.of(new FieldProblem(ex.field(), MESSAGES.getOrDefault(ex.code(), ex.code()))));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		// valid JSON with a value of the wrong kind: name the field (and the allowed
		// values)
		if (ex.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
				&& !mapping.getPath().isEmpty()) {
			StringBuilder field = new StringBuilder();
			for (com.fasterxml.jackson.databind.JsonMappingException.Reference reference : mapping.getPath()) {
				if (reference.getFieldName() != null) {
					field.append((field.length() == 0) ? "" : ".").append(reference.getFieldName());
				}
				else if (reference.getIndex() >= 0) {
					field.append('[').append(reference.getIndex()).append(']');
				}
			}
			String message = (mapping instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException invalid
					&& invalid.getTargetType() != null && invalid.getTargetType().isEnum())
							? "must be one of " + java.util.Arrays.stream(invalid.getTargetType().getEnumConstants())
								.map(Object::toString)
								.collect(java.util.stream.Collectors.joining(", "))
							: "is not a valid value here";
			return badRequest(List.of(new FieldProblem(field.toString(), message)));
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The body is not valid JSON for this request, or a value is not one of the allowed ones.");
		problem.setTitle("Invalid request");
		problem.setProperty("errors", List.of());
		return problem;
	}

	@ExceptionHandler(AttachmentRejectedException.class)
	ProblemDetail attachment(AttachmentRejectedException ex) {
		return badRequest(List.of(new FieldProblem("file", MESSAGES.getOrDefault(ex.reason(), ex.reason()))));
	}

	@ExceptionHandler({ MissingServletRequestPartException.class, MultipartException.class })
	ProblemDetail noFile(Exception ex) {
		return badRequest(List.of(new FieldProblem("file", "a multipart part named 'file' is required")));
	}

	@ExceptionHandler(ActionRefusedException.class)
	ProblemDetail refused(ActionRefusedException ex) {
		if (ex.field() == null) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
					"The case is not waiting for your office, or a colleague is handling it.");
			problem.setTitle("Not possible now");
			return problem;
		}
		return badRequest(List.of(new FieldProblem(ex.field(), MESSAGES.getOrDefault(ex.code(), ex.code()))));
	}

	/** The task's form refused the data (the same rules as in the tasklist). */
	@ExceptionHandler(org.sportello.tasklist.FormRejectedException.class)
	ProblemDetail formRejected(org.sportello.tasklist.FormRejectedException ex) {
		return badRequest(ex.errors()
			.stream()
			.map((error) -> new FieldProblem(error.key(),
					FORM_RULES.getOrDefault(error.code(), error.code())
							+ ((error.detail() != null) ? " (" + error.detail() + ")" : "")))
			.toList());
	}

	/** form-js rules in words, for API clients. */
	static final Map<String, String> FORM_RULES = Map.of("required", "is required", "allowed",
			"is not one of the allowed values", "minLength", "is too short", "maxLength", "is too long", "min",
			"is below the minimum", "max", "is above the maximum", "pattern", "does not have the required format",
			"number", "must be a number", "list", "must be a list");

	@ExceptionHandler(ReplyRefusedException.class)
	ProblemDetail replyRefused(ReplyRefusedException ex) {
		if (ex.field() == null) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
					"The case is not waiting for documents or information from the citizen.");
			problem.setTitle("Not possible now");
			return problem;
		}
		return badRequest(List.of(new FieldProblem(ex.field(), MESSAGES.getOrDefault(ex.code(), ex.code()))));
	}

	@ExceptionHandler(CaseNotFoundException.class)
	ProblemDetail notFound(CaseNotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such case.");
		problem.setTitle("Not found");
		return problem;
	}

	@ExceptionHandler(TriageNotOpenException.class)
	ProblemDetail conflict(TriageNotOpenException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The case is not waiting for the front office, or another operator is handling it.");
		problem.setTitle("Not possible now");
		return problem;
	}

	@ExceptionHandler(IdempotencyKeyReusedException.class)
	ProblemDetail reusedKey(IdempotencyKeyReusedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
				"This Idempotency-Key was used for another request; use a new key for a new request.");
		problem.setTitle("Idempotency-Key reused");
		problem.setProperty("errors", List.of(new FieldProblem("Idempotency-Key", "used for another request")));
		return problem;
	}

	@ExceptionHandler(OpeningRefusedException.class)
	ProblemDetail forbidden(OpeningRefusedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
				"Cases are opened by the front office (role fo), supervisors and administrators: those who may "
						+ "read every case. Pass the request to a front office.");
		problem.setTitle("Not allowed");
		return problem;
	}

	@ExceptionHandler(ProcessEngineException.class)
	org.springframework.http.ResponseEntity<ProblemDetail> engine(ProcessEngineException ex) {
		if (org.sportello.Retried.isTransient(ex)) {
			return busy(ex);
		}
		log.warn("Engine refused a case API request: {}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The case changed meanwhile (for example, someone else took the task). Reload and try again.");
		problem.setTitle("Changed by someone else");
		return org.springframework.http.ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	/**
	 * The database gave the request's transaction up (a deadlock, a lock wait) more often
	 * than it was run again: nothing was saved, and a moment later it goes through.
	 */
	@ExceptionHandler(org.springframework.dao.TransientDataAccessException.class)
	org.springframework.http.ResponseEntity<ProblemDetail> busy(RuntimeException ex) {
		log.warn("A case API request met a busy database: {}", ex.getClass().getSimpleName());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The database was busy with the same rows; nothing was saved. Send the request again.");
		problem.setTitle("Busy, try again");
		return org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(org.springframework.http.HttpHeaders.RETRY_AFTER, "1")
			.body(problem);
	}

	static final Map<String, String> MESSAGES = Map.ofEntries(
			Map.entry("unknown-topic", "unknown topic code (see GET /api/topics)"),
			Map.entry("phone-required-for-sms", "a mobile number is needed for SMS updates"),
			Map.entry("invalid-idempotency-key", "1 to 200 visible ASCII characters, for example a UUID"),
			Map.entry("mobile-required-for-sms", "this number cannot receive SMS (a landline?): give a mobile number"),
			Map.entry("invalid-note", "a note of 5 to 2000 characters (without control characters) is required"),
			Map.entry("invalid-outcome-class", "not an outcome class of GET /api/outcome-classes"),
			Map.entry("attachment.too-large", "the file is larger than 10 MB"),
			Map.entry("attachment.type", "only PDF, PNG and JPEG files are accepted"),
			Map.entry("attachment.empty", "the file is empty"),
			Map.entry("attachment.name", "the file name is missing or not valid"),
			Map.entry("invalid-answer", "an answer of 5 to 4000 characters (without control characters) is required"),
			Map.entry("invalid-transfer", "an administration of the network other than your own is required"),
			Map.entry("invalid-documents", "document kinds are codes such as IDENTITY or ISEE (at most 20)"),
			Map.entry("invalid-days", "the working days the citizen has must be between 1 and 60"),
			Map.entry("given-twice", "is a parameter of its own; give it there, not among the fields"),
			Map.entry("required", "is required"));

	static ProblemDetail badRequest(List<FieldProblem> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Some fields are missing or not valid; nothing was saved.");
		problem.setTitle("Invalid request");
		problem.setProperty("errors", errors);
		return problem;
	}

}
