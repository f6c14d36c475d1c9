package org.sportello.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * An address the firewall refuses (an empty path segment such as
 * {@code /api/cases//forward}, an encoded slash, a semicolon) is the client's mistake: a
 * 400 in problem+json that says so, like every other refusal of the API, instead of the
 * container's error page. The address is not echoed back: it may carry anything.
 */
final class ProblemRequestRejectedHandler implements RequestRejectedHandler {

	private static final byte[] BODY = """
			{"type":"about:blank","title":"Invalid address","status":400,\
			"detail":"The address is not valid: check for an empty part (//), an encoded slash or a semicolon."}"""
		.getBytes(StandardCharsets.UTF_8);

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			RequestRejectedException requestRejectedException) throws IOException {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setContentLength(BODY.length);
		response.getOutputStream().write(BODY);
	}

}
