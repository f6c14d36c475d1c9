package org.sportello.notify;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.NetworkHttpClient;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;

import org.springframework.stereotype.Component;

/**
 * Sends through Twilio's Messages API with the Twilio Java SDK, with a status callback so
 * that delivery receipts come back to {@code /sms/status}.
 */
@Component
class TwilioSmsGateway {

	static final String TWILIO_API = "https://api.twilio.com";

	private final TwilioSettings settings;

	private volatile TwilioRestClient client;

	/** Connections to Twilio kept open: one per parallel sender (the SDK keeps 20). */
	private final int connections;

	TwilioSmsGateway(TwilioSettings settings, SmsSettings sms) {
		this.settings = settings;
		this.connections = Math.max(20, sms.senders());
	}

	/** Sends one SMS; answers Twilio's message SID. */
	String send(String to, String body, String statusCallback) {
		MessageCreator creator = (this.settings.from() != null && !this.settings.from().isBlank())
				? Message.creator(new PhoneNumber(to), new PhoneNumber(this.settings.from()), body)
				: Message.creator(new PhoneNumber(to), this.settings.messagingServiceSid(), body);
		creator.setStatusCallback(URI.create(statusCallback));
		try {
			return creator.create(client()).getSid();
		}
		catch (ApiConnectionException ex) {
			throw new SmsSendException("Twilio unreachable: " + ex.getMessage(), false, ex);
		}
		catch (ApiException ex) {
			Integer status = ex.getStatusCode();
			// 429 and 5xx: Twilio is busy or failing, try again; other 4xx (21211 invalid
			// number, 21610 unsubscribed, 21614 not a mobile...): the message can never
			// go
			boolean transientError = status == null || status == 429 || status >= 500;
			throw new SmsSendException("Twilio " + status + " (" + ex.getCode() + "): " + ex.getMessage(),
					!transientError, ex);
		}
	}

	/**
	 * The SID of a message with this text that Twilio took for this number since then, if
	 * any: the newest 20 messages to the number are looked at (at most five an hour go to
	 * one number).
	 */
	Optional<String> sentSince(String to, String body, Instant since) {
		try {
			return Message.reader()
				.setTo(new PhoneNumber(to))
				.setPageSize(20L)
				.firstPage(client())
				.getRecords()
				.stream()
				.filter((message) -> body.equals(message.getBody()) && message.getDateCreated() != null
						&& !message.getDateCreated().toInstant().isBefore(since))
				.map(Message::getSid)
				.findFirst();
		}
		catch (ApiConnectionException | ApiException ex) {
			throw new SmsSendException("Twilio could not list messages: " + ex.getMessage(), false, ex);
		}
	}

	private TwilioRestClient client() {
		if (this.client == null) {
			synchronized (this) {
				if (this.client == null) {
					TwilioRestClient.Builder builder = new TwilioRestClient.Builder(this.settings.accountSid(),
							this.settings.authToken());
					String base = this.settings.apiBase();
					builder.httpClient(new RebasedHttpClient(
							(base != null && !base.isBlank()) ? base.replaceAll("/+$", "") : TWILIO_API,
							pooled(this.connections)));
					this.client = builder.build();
				}
			}
		}
		return this.client;
	}

	/**
	 * The SDK's HTTP client with as many pooled connections as senders, and its own
	 * timeouts (10 s to connect, 30.5 s for an answer).
	 */
	static HttpClientBuilder pooled(int connections) {
		PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
			.setMaxConnPerRoute(connections)
			.setMaxConnTotal(connections * 2)
			.setDefaultConnectionConfig(ConnectionConfig.custom()
				.setConnectTimeout(Timeout.ofSeconds(10))
				.setSocketTimeout(Timeout.ofMilliseconds(30500))
				.build())
			.build();
		return HttpClientBuilder.create()
			.setConnectionManager(pool)
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofMilliseconds(30500)).build());
	}

	/**
	 * Sends the SDK's requests to another base URL than api.twilio.com
	 * ({@code SPORTELLO_TWILIO_API_BASE}, for a fake Twilio in tests), unchanged
	 * otherwise.
	 */
	static final class RebasedHttpClient extends NetworkHttpClient {

		private final String base;

		RebasedHttpClient(String base, HttpClientBuilder builder) {
			super(builder);
			this.base = base;
		}

		@Override
		public Response makeRequest(Request request) {
			String url = request.getUrl();
			if (!url.startsWith(TWILIO_API) || this.base.equals(TWILIO_API)) {
				return super.makeRequest(request);
			}
			Request rebased = new Request(request.getMethod(), this.base + url.substring(TWILIO_API.length()));
			copy(request.getPostParams(), rebased::addPostParam);
			copy(request.getQueryParams(), rebased::addQueryParam);
			copy(request.getHeaderParams(), rebased::addHeaderParam);
			if (request.getContentType() != null) {
				rebased.setContentType(request.getContentType());
			}
			if (request.getBody() != null) {
				rebased.setBody(request.getBody());
			}
			rebased.setAuth(request.getUsername(), request.getPassword());
			return super.makeRequest(rebased);
		}

		private static void copy(Map<String, List<String>> params, java.util.function.BiConsumer<String, String> to) {
			params.forEach((name, values) -> values.forEach((value) -> to.accept(name, value)));
		}

	}

}
