package org.sportello.support;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON calls to the case API with HTTP Basic, as an integration would make them. */
public final class ApiClient {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final WebSession web;

	public ApiClient(int port) {
		this.web = new WebSession(port);
	}

	public Response post(String path, String user, String body) {
		return send(HttpRequest.newBuilder(this.web.uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)), user);
	}

	public Response postWithHeader(String path, String user, String body, String header, String value) {
		return send(HttpRequest.newBuilder(this.web.uri(path))
			.header("Content-Type", "application/json")
			.header(header, value)
			.POST(HttpRequest.BodyPublishers.ofString(body)), user);
	}

	public Response postMultipart(String path, String user, Multipart body) {
		return send(body.post(this.web.uri(path)), user);
	}

	public Response get(String path, String user) {
		return send(HttpRequest.newBuilder(this.web.uri(path)).GET(), user);
	}

	/** A body of another type (CSV...), answered as the server likes. */
	public Response postAs(String path, String user, String contentType, String body) {
		return send(HttpRequest.newBuilder(this.web.uri(path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body)), user, "*/*");
	}

	/** A GET accepting the given type. */
	public Response getAs(String path, String user, String accept) {
		return send(HttpRequest.newBuilder(this.web.uri(path)).GET(), user, accept);
	}

	private Response send(HttpRequest.Builder request, String user) {
		return send(request, user, "application/json");
	}

	private Response send(HttpRequest.Builder request, String user, String accept) {
		if (user != null) {
			request.header("Authorization", WebSession.basic(user, "demo"));
		}
		request.header("Accept", accept);
		return new Response(this.web.send(request));
	}

	/**
	 * A response with its body parsed as JSON (an empty object when there is no body).
	 */
	public record Response(HttpResponse<String> raw) {

		public int status() {
			return this.raw.statusCode();
		}

		public JsonNode json() {
			try {
				return this.raw.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(this.raw.body());
			}
			catch (JsonProcessingException ex) {
				throw new AssertionError("Not JSON: " + this.raw.body(), ex);
			}
		}

		public String contentType() {
			return this.raw.headers().firstValue("Content-Type").orElse("");
		}

	}

}
