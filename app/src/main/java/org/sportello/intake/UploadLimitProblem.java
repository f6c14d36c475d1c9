package org.sportello.intake;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the size limit fails while the request is parsed, before any controller
 * is chosen, so this advice cannot be limited to the case API like {@link ApiProblems}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitProblem {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ProblemDetail tooLarge(MaxUploadSizeExceededException ex) {
		return ApiProblems.badRequest(
				List.of(new ApiProblems.FieldProblem("file", ApiProblems.MESSAGES.get("attachment.too-large"))));
	}

}
