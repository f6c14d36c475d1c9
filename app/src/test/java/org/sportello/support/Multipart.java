package org.sportello.support;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body, as browsers and Camunda Modeler send them. */
public final class Multipart {

	private final String boundary = "----SportelloTest" + UUID.randomUUID();

	private final ByteArrayOutputStream body = new ByteArrayOutputStream();

	public Multipart field(String name, String value) {
		return part("form-data; name=\"" + name + "\"", null, value.getBytes(StandardCharsets.UTF_8));
	}

	public Multipart file(String name, String fileName, String contentType, byte[] content) {
		return part("form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"", contentType, content);
	}

	private Multipart part(String disposition, String contentType, byte[] content) {
		write("--" + this.boundary + "\r\nContent-Disposition: " + disposition + "\r\n");
		if (contentType != null) {
			write("Content-Type: " + contentType + "\r\n");
		}
		write("\r\n");
		this.body.writeBytes(content);
		write("\r\n");
		return this;
	}

	/** The POST request carrying this body. */
	public HttpRequest.Builder post(java.net.URI uri) {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		all.writeBytes(this.body.toByteArray());
		all.writeBytes(("--" + this.boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(uri)
			.header("Content-Type", "multipart/form-data; boundary=" + this.boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(all.toByteArray()));
	}

	private void write(String text) {
		this.body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

}
