package org.sportello.open311;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Open311's errors in its own format, JSON or XML as the request's path asks: a list of
 * {@code code} and {@code description}, the description naming the parameter.
 */
@RestControllerAdvice(assignableTypes = Open311Api.class)
class Open311Problems {

	private static final Logger log = LoggerFactory.getLogger(Open311Problems.class);

	private final Open311Api api;

	Open311Problems(Open311Api api) {
		this.api = api;
	}

	@ExceptionHandler(Open311Api.Open311Exception.class)
	ResponseEntity<String> refused(Open311Api.Open311Exception ex, HttpServletRequest request) {
		log.info("Open311 request refused: {} {}", ex.status.value(), ex.getMessage());
		return this.api.error(formatOf(request), ex.status, ex.getMessage());
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<String> missing(MissingServletRequestParameterException ex, HttpServletRequest request) {
		return this.api.error(formatOf(request), HttpStatus.BAD_REQUEST, ex.getParameterName() + ": required");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<String> mediaType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request) {
		return this.api.error(formatOf(request), HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"Content-Type: send application/x-www-form-urlencoded");
	}

	private static String formatOf(HttpServletRequest request) {
		return request.getRequestURI().endsWith(".xml") ? "xml" : "json";
	}

}
