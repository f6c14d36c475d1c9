package org.sportello.callback;

import java.net.URI;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.sportello.cases.Channel;
import org.sportello.intake.SelfIntakeLimitedException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/public/callback} for an IVR or a web page: {@code phone}, {@code slot}
 * (MORNING, AFTERNOON, ANY), {@code language}; 202 with the request's id. Bad fields are
 * a 400 problem naming the field; too many requests a 429.
 */
@RestController
class CallbackApi {

	private final CallbackRequests callbacks;

	CallbackApi(CallbackRequests callbacks) {
		this.callbacks = callbacks;
	}

	record CallbackRequest(@NotBlank @Size(max = 30) String phone, @NotNull Callback.Slot slot,
			@Pattern(regexp = "it|en") String language) {
	}

	@PostMapping("/api/public/callback")
	ResponseEntity<Map<String, String>> request(@Valid @RequestBody CallbackRequest request, HttpServletRequest http) {
		Callback callback = this.callbacks.request(request.phone(), request.slot(), request.language(), Channel.PHONE,
				http.getRemoteAddr());
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", callback.id(), "status", "WAITING"));
	}

	@ExceptionHandler(InvalidCallbackException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidCallbackException ex) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-field", "Field not valid: " + ex.field(), ex.field());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException ex) {
		String field = ex.getBindingResult().getFieldErrors().isEmpty() ? null
				: ex.getBindingResult().getFieldErrors().get(0).getField();
		return problem(HttpStatus.BAD_REQUEST, "invalid-field", "Field not valid: " + field, field);
	}

	@ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable() {
		return problem(HttpStatus.BAD_REQUEST, "unreadable",
				"The body is not the JSON expected (slot: MORNING, " + "AFTERNOON or ANY)", null);
	}

	@ExceptionHandler(SelfIntakeLimitedException.class)
	ResponseEntity<ProblemDetail> limited() {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header("Retry-After", "3600")
			.body(detail(HttpStatus.TOO_MANY_REQUESTS, "too-many", "Too many requests from this number or address",
					null));
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String text, String field) {
		return ResponseEntity.status(status).body(detail(status, type, text, field));
	}

	private static ProblemDetail detail(HttpStatus status, String type, String text, String field) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text);
		problem.setType(URI.create("https://sportello.example.org/problems/" + type));
		if (field != null) {
			problem.setProperty("field", field);
		}
		return problem;
	}

}
