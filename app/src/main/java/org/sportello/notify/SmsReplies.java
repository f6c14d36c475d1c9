package org.sportello.notify;

import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sportello.cases.CaseRow;
import org.sportello.cases.Cases;
import org.sportello.cases.Contact;
import org.sportello.cases.Rating;
import org.sportello.cases.RatingRefusedException;
import org.sportello.cases.Ratings;
import org.sportello.cases.Channel;
import org.sportello.cases.OpenedCase;
import org.sportello.cases.PhoneNumbers;
import org.sportello.documents.CitizenReplies;
import org.sportello.intake.IntakeRequest;
import org.sportello.intake.SelfIntake;
import org.sportello.intake.SelfIntakeLimitedException;
import java.util.Set;

import org.springframework.stereotype.Service;

/**
 * What the citizen can text: {@code STATO <code>} / {@code STATUS <code>} (the status,
 * only to the number the case was opened with), {@code STOP} / {@code ANNULLA} (no more
 * SMS), {@code START} (SMS again), {@code 1} / {@code 2} / {@code 3} (rating of the
 * latest finished case); any other text of ten characters or more is a request (or,
 * naming the code of an open case of the number, a message on that case); shorter ones
 * get a short help.
 */
@Service
class SmsReplies {

	/** Longer texts are not commands: they are requests. */
	static final int LONGEST_COMMAND = 200;

	private static final Logger log = LoggerFactory.getLogger(SmsReplies.class);

	private final Cases cases;

	private final Ratings ratings;

	private final SmsOutbox outbox;

	private final SmsTemplates templates;

	private final SelfIntake intake;

	private final CitizenReplies replies;

	SmsReplies(Cases cases, Ratings ratings, SmsOutbox outbox, SmsTemplates templates, SelfIntake intake,
			CitizenReplies replies) {
		this.intake = intake;
		this.replies = replies;
		this.cases = cases;
		this.ratings = ratings;
		this.outbox = outbox;
		this.templates = templates;
	}

	/** The reply to a text from a number. */
	String answer(String from, String body) {
		String text = (body == null) ? "" : body.strip();
		if (text.length() > LONGEST_COMMAND) {
			return request(from, text);
		}
		String[] words = text.split("\\s+");
		String command = words[0].toUpperCase(Locale.ROOT);
		switch (command) {
			case "STATO", "STATUS" -> {
				String language = "STATUS".equals(command) ? "en" : "it";
				return (words.length == 2) ? status(from, words[1].toUpperCase(Locale.ROOT), language)
						: text(language, "sms.help");
			}
			case "STOP", "ANNULLA", "STOPALL", "UNSUBSCRIBE", "CANCEL" -> {
				this.outbox.optOut(from);
				log.info("SMS opt-out of {}", masked(from));
				return text("ANNULLA".equals(command) || "STOP".equals(command) ? "it" : "en", "sms.stopped");
			}
			case "START", "UNSTOP" -> {
				this.outbox.optIn(from);
				log.info("SMS opt-in of {}", masked(from));
				return text("it", "sms.started");
			}
			case "1", "2", "3" -> {
				return (words.length == 1) ? rate(from, command) : text("it", "sms.help");
			}
			default -> {
				return request(from, text);
			}
		}
	}

	/**
	 * A text that is no command: added to the open case whose code it names (from the
	 * case's number), otherwise a new request (channel SMS, to be classified by the front
	 * office), answered with its code. The PIN is never sent by SMS: from this number
	 * {@code STATO <code>} tells the status, and the front office gives the PIN on the
	 * phone.
	 */
	private String request(String from, String text) {
		Optional<String> code = org.sportello.cases.TrackingCodes.findIn(text);
		if (code.isPresent()) {
			Optional<CaseRow> row = this.cases.byTrackingCode(code.get())
				.filter((kase) -> !kase.status().isFinal())
				.filter((kase) -> from.equals(this.cases.contactOf(kase.id()).phone()));
			if (row.isPresent()) {
				this.replies.receive(row.get(), text, java.util.List.of());
				return String.format(text("it", "sms.added"), row.get().trackingCode());
			}
		}
		if (org.sportello.cases.FreeText.length(text) < 10 || !org.sportello.cases.FreeText.isClean(text)) {
			return text("it", "sms.help");
		}
		if (!this.intake.allowed(Channel.SMS, from)) {
			return text("it", "sms.too-many");
		}
		String description = (text.codePointCount(0, text.length()) > 4000)
				? text.substring(0, text.offsetByCodePoints(0, 4000)) : text;
		try {
			OpenedCase opened = this.intake.open(new IntakeRequest(Channel.SMS, "OTHER", description, null,
					new IntakeRequest.Citizen(from, from, null, PhoneNumbers.receivesSms(from), "it"), Set.of()),
					java.util.List.of(), from, SelfIntake.CITIZEN);
			log.info("SMS from {} opened case {}", masked(from), opened.trackingCode());
			return String.format(text("it", "sms.opened"), opened.trackingCode());
		}
		catch (SelfIntakeLimitedException ex) {
			return text("it", "sms.too-many");
		}
	}

	private String status(String from, String code, String language) {
		Optional<CaseRow> row = this.cases.byTrackingCode(code)
			.filter((kase) -> from.equals(this.cases.contactOf(kase.id()).phone()));
		if (row.isEmpty()) {
			// the same answer for unknown codes and codes of other numbers
			return text(language, "sms.unknown-code");
		}
		String administration = this.outbox.administrationsOf(row.get().id());
		return String.format(text(language, "sms.status"), row.get().trackingCode(),
				SmsTexts.text(language, "status." + row.get().status().name()),
				(administration != null) ? administration : "Sportello", this.templates.link(row.get().trackingCode()));
	}

	private String rate(String from, String digit) {
		Optional<CaseRow> row = this.cases.latestFinishedFor(from);
		String language = row.map((kase) -> this.cases.contactOf(kase.id())).map(Contact::language).orElse("it");
		if (row.isEmpty()) {
			return text(language, "sms.nothing-to-rate");
		}
		Rating.Value value = switch (digit) {
			case "1" -> Rating.Value.POSITIVE;
			case "2" -> Rating.Value.NEUTRAL;
			default -> Rating.Value.NEGATIVE;
		};
		try {
			this.ratings.rate(row.get(), value, null, Rating.Source.SMS);
			return text(language, "sms.thanks");
		}
		catch (RatingRefusedException ex) {
			return text(language, "sms.already-rated");
		}
	}

	private static String text(String language, String key) {
		return SmsTexts.text(language, key);
	}

	/** Numbers in logs keep their last three digits only. */
	static String masked(String number) {
		return (number == null || number.length() < 4) ? "***" : "***" + number.substring(number.length() - 3);
	}

}
