package org.sportello.callback;

import java.time.Clock;
import java.util.Locale;
import java.util.ResourceBundle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.sportello.notify.SmsOutbox;

import org.springframework.stereotype.Component;

/**
 * The {@code callbacks} bean of {@code processes/callback-request.bpmn}: records each
 * call the operator made, and tells the citizen by SMS after the last one failed.
 */
@Component(CallbackSteps.BEAN)
public class CallbackSteps {

	static final String BEAN = "callbacks";

	/** Calls that do not reach the citizen before Sportello gives up. */
	static final int ATTEMPTS = 3;

	private final CallbackMapper mapper;

	private final SmsOutbox sms;

	private final Clock clock;

	CallbackSteps(CallbackMapper mapper, SmsOutbox sms, Clock clock) {
		this.mapper = mapper;
		this.sms = sms;
		this.clock = clock;
	}

	/**
	 * The operator's call: {@code callbackOutcome} REACHED or NOT_REACHED, and a note.
	 * Sets {@code callbackAttempts}, the failed calls so far.
	 */
	public void recordCall(DelegateExecution execution) {
		String id = String.valueOf(execution.getVariable("callbackId"));
		Object note = execution.getVariable("callbackNote");
		String text = (note != null && !note.toString().isBlank()) ? note.toString() : null;
		if ("REACHED".equals(execution.getVariable("callbackOutcome"))) {
			this.mapper.finish(id, Callback.Status.REACHED, text, this.clock.instant());
		}
		else {
			this.mapper.failedAttempt(id, text, this.clock.instant());
		}
		execution.setVariable("callbackAttempts", this.mapper.byId(id).map(Callback::attempts).orElse(ATTEMPTS));
		// the note is kept with the request, not in the engine
		execution.removeVariable("callbackNote");
	}

	/** Three calls did not reach the citizen: an SMS says so. */
	public void giveUp(DelegateExecution execution) {
		String id = String.valueOf(execution.getVariable("callbackId"));
		this.mapper.byId(id).ifPresent((callback) -> {
			this.mapper.finish(id, Callback.Status.NOT_REACHED, null, this.clock.instant());
			String text = ResourceBundle
				.getBundle("vaadin-i18n.translations", Locale.forLanguageTag(callback.language()))
				.getString("sms.callback-not-reached");
			this.sms.notice(callback.phone(), text);
		});
	}

}
