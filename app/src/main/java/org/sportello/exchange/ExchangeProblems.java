package org.sportello.exchange;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The exchange's errors as {@code application/problem+json}, naming the field. */
@RestControllerAdvice(assignableTypes = ExchangeApi.class)
class ExchangeProblems {

	private static final Logger log = LoggerFactory.getLogger(ExchangeProblems.class);

	@ExceptionHandler(ExchangeRefusedException.class)
	ProblemDetail refused(ExchangeRefusedException ex) {
		// the reason, never the message's content
		log.info("Exchange message refused: {} ({})", ex.code(), ex.field());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(ex.status()), ex.getMessage());
		problem.setType(URI.create("urn:sportello:exchange:" + ex.code()));
		problem.setTitle(title(ex.code()));
		problem.setProperty("field", ex.field());
		return problem;
	}

	@ExceptionHandler(InvalidPeerException.class)
	ProblemDetail invalidPeer(InvalidPeerException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.field() + ": " + ex.code());
		problem.setTitle("Invalid peer");
		problem.setProperty("field", ex.field());
		problem.setProperty("code", ex.code());
		return problem;
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The body cannot be read");
		problem.setProperty("field", "body");
		return problem;
	}

	private static String title(String code) {
		return switch (code) {
			case "signature" -> "Bad signature";
			case "unknown-key" -> "Unknown key";
			case "stale" -> "Stale message";
			case "replayed" -> "Replayed message";
			case "digest" -> "Bad content digest";
			case "disabled" -> "Peer disabled";
			default -> "Message refused";
		};
	}

}
