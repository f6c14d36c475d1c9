package org.sportello.callback;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.sportello.cases.Channel;
import org.sportello.cases.PhoneNumbers;
import org.sportello.intake.SelfIntake;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The citizen asks to be called back (the voicemail's promise "immediately or in office
 * hours", an IVR, the web form): the number and the preferred slot are kept in
 * {@code spt_callback}, and {@code processes/callback-request.bpmn} gives the front
 * office a call-back task due within its response target of {@code sla.dmn}, in working
 * time. The operator records each call: reached (then handles the call as any phone
 * contact) or not; after three calls that did not reach the citizen, an SMS says so. At
 * most {@code sportello.intake.per-source-per-hour} requests an hour per number and per
 * client address.
 */
@Service
public class CallbackRequests {

	public static final String PROCESS_KEY = "callbackRequest";

	private final CallbackMapper mapper;

	private final RuntimeService runtime;

	private final SelfIntake intake;

	private final Clock clock;

	CallbackRequests(CallbackMapper mapper, RuntimeService runtime, SelfIntake intake, Clock clock) {
		this.mapper = mapper;
		this.runtime = runtime;
		this.intake = intake;
		this.clock = clock;
	}

	/**
	 * Records the request and starts its process; throws {@link InvalidCallbackException}
	 * for a number that is not one, or
	 * {@link org.sportello.intake.SelfIntakeLimitedException} past the limits.
	 */
	@Transactional
	public Callback request(String phone, Callback.Slot slot, String language, Channel channel, String clientAddress) {
		String number = PhoneNumbers.normalize(phone);
		if (number == null || !number.matches("\\+[1-9][0-9]{6,14}")) {
			throw new InvalidCallbackException("phone");
		}
		if (slot == null) {
			throw new InvalidCallbackException("slot");
		}
		this.intake.count(channel, number);
		// an IVR posts for every caller from one address: only the web form's callers
		// are counted by address too
		if (clientAddress != null && channel == Channel.WEB_FORM) {
			this.intake.count(Channel.WEB_FORM, "callback:" + clientAddress);
		}
		Instant now = this.clock.instant();
		Callback callback = new Callback(UUID.randomUUID().toString(), number, slot,
				"en".equals(language) ? "en" : "it", channel.name(), Callback.Status.WAITING, 0, null, now, now);
		this.mapper.insert(callback);
		Map<String, Object> variables = new HashMap<>();
		variables.put("callbackId", callback.id());
		variables.put("frontOfficeGroup", this.intake.queueGroup());
		// the inbox's subject: no number here (the engine keeps no personal data)
		variables.put("subject", "Richiamata richiesta (" + slotLabel(slot) + ")");
		this.runtime.startProcessInstanceByKey(PROCESS_KEY, "CB-" + callback.id(), variables);
		return callback;
	}

	/** Retention: the numbers of requests finished before the cut-off are blanked. */
	@Transactional
	public int eraseFinishedBefore(Instant before) {
		return this.mapper.blankFinishedBefore(before);
	}

	public Optional<Callback> byId(String id) {
		return this.mapper.byId(id);
	}

	static String slotLabel(Callback.Slot slot) {
		return switch (slot) {
			case MORNING -> "mattina";
			case AFTERNOON -> "pomeriggio";
			case ANY -> "qualsiasi ora";
		};
	}

}
