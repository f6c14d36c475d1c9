package org.sportello.notify;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.twilio.security.RequestValidator;
import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.messaging.Body;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sportello.cases.Cases;
import org.sportello.cases.TimelineEvent.EventType;
import org.sportello.notify.SmsMessage.Status;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's webhooks: delivery receipts ({@code POST /sms/status}) and texts from citizens
 * ({@code POST /sms/inbound}, answered with TwiML). Every request must carry a valid
 * {@code X-Twilio-Signature} computed over {@code SPORTELLO_PUBLIC_URL} + path with the
 * auth token; unsigned or forged requests get 403, malformed ones 400, never a 500.
 */
@RestController
class TwilioWebhooks {

	static final String SIGNATURE = "X-Twilio-Signature";

	private static final Logger log = LoggerFactory.getLogger(TwilioWebhooks.class);

	private final TwilioSettings twilio;

	private final SmsMapper mapper;

	private final SmsReplies replies;

	private final Cases cases;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final String publicUrl;

	TwilioWebhooks(TwilioSettings twilio, SmsMapper mapper, SmsReplies replies, Cases cases, Clock clock,
			TransactionTemplate transactions, @Value("${sportello.public-url}") String publicUrl) {
		this.twilio = twilio;
		this.mapper = mapper;
		this.replies = replies;
		this.cases = cases;
		this.clock = clock;
		this.transactions = transactions;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
	}

	@PostMapping(path = "/sms/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<?> status(HttpServletRequest request) {
		Map<String, String> form = form(request);
		if (!signed(request, form)) {
			return forbidden(request);
		}
		String sid = form.get("MessageSid");
		String reported = form.get("MessageStatus");
		if (sid == null || sid.isBlank() || sid.length() > 64 || reported == null || reported.length() > 20) {
			return badRequest("MessageSid and MessageStatus are required");
		}
		Status status = switch (reported) {
			case "sent" -> Status.SENT;
			case "delivered" -> Status.DELIVERED;
			case "undelivered" -> Status.UNDELIVERED;
			case "failed" -> Status.FAILED;
			default -> null;
		};
		if (status == null) {
			// queued, sending, accepted...: nothing new for us
			return ResponseEntity.noContent().build();
		}
		String error = form.get("ErrorCode");
		this.transactions.executeWithoutResult((tx) -> this.mapper.byProviderSid(sid).ifPresentOrElse((message) -> {
			int changed = this.mapper.receipt(sid, status, (error != null) ? "Twilio error " + error : null,
					this.clock.instant());
			if (changed == 1 && (status == Status.UNDELIVERED || status == Status.FAILED) && message.caseId() != null) {
				this.cases.internalEvent(message.caseId(), EventType.SMS_FAILED, null,
						"SMS non consegnato (" + reported + ((error != null) ? ", errore " + error : "") + ")");
			}
		}, () -> log.warn("Delivery receipt for unknown message {}", sid)));
		return ResponseEntity.noContent().build();
	}

	@PostMapping(path = "/sms/inbound", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<?> inbound(HttpServletRequest request) {
		Map<String, String> form = form(request);
		if (!signed(request, form)) {
			return forbidden(request);
		}
		String from = form.get("From");
		if (from == null || !from.matches("\\+[1-9][0-9]{6,14}")) {
			return badRequest("From must be a phone number in E.164 form");
		}
		String sid = (form.get("MessageSid") != null) ? form.get("MessageSid") : form.get("SmsSid");
		if (sid == null || sid.isBlank() || sid.length() > 64) {
			return badRequest("MessageSid is required");
		}
		String reply = answerOnce(sid, from, form.get("Body"));
		String twiml = new MessagingResponse.Builder()
			.message(new com.twilio.twiml.messaging.Message.Builder().body(new Body.Builder(reply).build()).build())
			.build()
			.toXml();
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(twiml);
	}

	/**
	 * Each message acts once: a replayed webhook (same {@code MessageSid}, e.g. a
	 * captured START sent again after STOP) changes nothing and gets the first answer
	 * again.
	 */
	private String answerOnce(String sid, String from, String body) {
		Optional<String> seen = this.mapper.inboundReply(sid);
		if (seen.isPresent()) {
			log.info("Inbound SMS {} seen before: answered again, nothing changed", sid);
			return seen.get();
		}
		try {
			// claimed before acting: of two deliveries at once, one acts
			this.mapper.insertInbound(sid, this.clock.instant(), "");
		}
		catch (DuplicateKeyException ex) {
			return this.mapper.inboundReply(sid).orElse("");
		}
		String reply = this.replies.answer(from, body);
		this.mapper.saveInboundReply(sid, reply);
		return reply;
	}

	private boolean signed(HttpServletRequest request, Map<String, String> form) {
		String signature = request.getHeader(SIGNATURE);
		String token = this.twilio.authToken();
		if (signature == null || token == null || token.isBlank()) {
			return false;
		}
		return new RequestValidator(token).validate(this.publicUrl + request.getRequestURI(), form, signature);
	}

	private static Map<String, String> form(HttpServletRequest request) {
		Map<String, String> form = new HashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (values.length > 0) {
				form.put(name, values[0]);
			}
		});
		return form;
	}

	private static ResponseEntity<ProblemDetail> forbidden(HttpServletRequest request) {
		log.warn("Refused {} from {}: missing or invalid Twilio signature", request.getRequestURI(),
				request.getRemoteAddr());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
				"Missing or invalid X-Twilio-Signature");
		problem.setTitle("Forbidden");
		return ResponseEntity.status(HttpStatus.FORBIDDEN)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	private static ResponseEntity<ProblemDetail> badRequest(String detail) {
		log.warn("Refused webhook: {}", detail);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid request");
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
