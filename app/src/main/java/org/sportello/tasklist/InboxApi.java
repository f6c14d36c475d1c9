package org.sportello.tasklist;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The caller's inbox as JSON, page by page, as the inbox view shows it (for an office's
 * own tools, such as a phone system showing the queue, and for the cluster benchmark).
 * Read-only: tasks are worked in the views or through the case API.
 */
@RestController
class InboxApi {

	static final int MAX_SIZE = 100;

	private final Inbox inbox;

	InboxApi(Inbox inbox) {
		this.inbox = inbox;
	}

	/**
	 * One page; {@code total} counts every task of the tab (with {@code text}: those
	 * whose tracking code it is, or whose citizen's name contains it).
	 */
	record InboxPage(InboxTab tab, InboxSort sort, int page, int size, int total, List<InboxItem> items) {
	}

	@GetMapping("/api/inbox")
	InboxPage page(@RequestParam(name = "tab", defaultValue = "OFFICES") InboxTab tab,
			@RequestParam(name = "sort", defaultValue = "SLA") InboxSort sort,
			@RequestParam(name = "page", defaultValue = "0") int page,
			@RequestParam(name = "size", defaultValue = "50") int size,
			@RequestParam(name = "text", required = false) String text, Principal user) {
		if (page < 0) {
			throw new InvalidParameterException("page", "must be 0 or more");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new InvalidParameterException("size", "must be between 1 and " + MAX_SIZE);
		}
		if (text != null && text.length() > 100) {
			throw new InvalidParameterException("text", "must be at most 100 characters");
		}
		InboxFilter filter = new InboxFilter(null, null, null, null, null, text);
		return new InboxPage(tab, sort, page, size, this.inbox.count(tab, user.getName(), filter),
				this.inbox.page(tab, user.getName(), filter, sort, page * size, size));
	}

	static final class InvalidParameterException extends RuntimeException {

		private final String parameter;

		InvalidParameterException(String parameter, String message) {
			super(message);
			this.parameter = parameter;
		}

	}

	@ExceptionHandler(InvalidParameterException.class)
	ProblemDetail invalid(InvalidParameterException ex) {
		return badRequest(ex.parameter, ex.getMessage());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail mismatch(MethodArgumentTypeMismatchException ex) {
		Class<?> type = ex.getRequiredType();
		return badRequest(ex.getName(),
				(type != null && type.isEnum()) ? "must be one of "
						+ Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "))
						: "must be a whole number");
	}

	/** The same shape as the case API's problems: the parameter is named. */
	private static ProblemDetail badRequest(String parameter, String message) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, parameter + " " + message);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", List.of(Map.of("field", parameter, "message", message)));
		return problem;
	}

}
