package org.sportello.notify;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sportello.Held;
import org.sportello.cases.CaseStatus;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The status SMS texts, kept as data (spt_sms_template) and filled with the tracking
 * code, the status, the administration in charge and the link to the tracking page. No
 * other personal data goes into an SMS.
 */
@Service
public class SmsTemplates {

	static final List<String> PLACEHOLDERS = List.of("code", "status", "administration", "link");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

	/** The longest values a filled template can get, for the length check on save. */
	private static final String SAMPLE_CODE = "SPT-XXXX-XXXX";

	private static final String SAMPLE_ADMINISTRATION = "Dipartimento della Protezione Civile";

	private final SmsMapper mapper;

	private final Clock clock;

	private final String publicUrl;

	SmsTemplates(SmsMapper mapper, Clock clock, @Value("${sportello.public-url}") String publicUrl) {
		this.mapper = mapper;
		this.clock = clock;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
	}

	public List<SmsTemplate> templates() {
		return this.mapper.templates();
	}

	/**
	 * The filled text for a status in the citizen's language (Italian when unknown); the
	 * administrations in charge are read only when the template names them (the receipt's
	 * does not, and it is written for every case opened).
	 */
	String render(CaseStatus status, String language, String trackingCode, Supplier<String> administration) {
		String lang = "en".equals(language) ? "en" : "it";
		SmsTemplate template = held(status, lang).or(() -> held(status, "it"))
			.orElseThrow(() -> new IllegalStateException("No SMS template for " + status));
		String body = template.body();
		return fill(body, lang, status, trackingCode, body.contains("{administration}") ? administration.get() : null);
	}

	/**
	 * The reminder before a request for documents falls due (from the translations: it
	 * names no administration, only the code, the last day and the link).
	 */
	String documentsReminder(String language, String trackingCode, java.time.LocalDate dueOn) {
		String lang = "en".equals(language) ? "en" : "it";
		String day = dueOn.format(java.time.format.DateTimeFormatter.ofPattern("d/M/yyyy"));
		return java.text.MessageFormat.format(SmsTexts.text(lang, "sms.documents-reminder"), trackingCode, day,
				link(trackingCode));
	}

	/**
	 * Saves a template when it uses only known placeholders and, filled with the longest
	 * values, still fits one GSM-7 SMS; otherwise {@link SmsTemplateRejectedException}
	 * and nothing changes. Stale versions are refused too.
	 */
	@Transactional
	public SmsTemplate save(CaseStatus status, String language, String body, int version, String user) {
		if (body == null || body.isBlank()) {
			throw new SmsTemplateRejectedException("empty", "");
		}
		Matcher matcher = PLACEHOLDER.matcher(body);
		while (matcher.find()) {
			if (!PLACEHOLDERS.contains(matcher.group(1))) {
				throw new SmsTemplateRejectedException("unknown-placeholder", matcher.group());
			}
		}
		String sample = fill(body.strip(), language, CaseStatus.IN_ATTESA_DI_INTEGRAZIONE, SAMPLE_CODE,
				SAMPLE_ADMINISTRATION);
		int length = Gsm7.length(sample);
		if (length < 0) {
			throw new SmsTemplateRejectedException("not-gsm7", sample);
		}
		if (length > Gsm7.SINGLE) {
			throw new SmsTemplateRejectedException("too-long", String.valueOf(length));
		}
		SmsTemplate updated = new SmsTemplate(status, language, body.strip(), this.clock.instant(), user, version);
		if (this.mapper.updateTemplate(updated) != 1) {
			throw new SmsTemplateRejectedException("changed-by-someone-else", "");
		}
		this.held.forgetAll();
		return this.mapper.template(status, language).orElseThrow();
	}

	/**
	 * A text as stored, held for 5 s: every case opened renders one (a text saved on
	 * another node shows within 5 s; the status SMS is filled again when it is sent).
	 */
	private Optional<SmsTemplate> held(CaseStatus status, String language) {
		return this.held.get(status.name() + "/" + language, (key) -> this.mapper.template(status, language));
	}

	private final Held<String, SmsTemplate> held = new Held<>(java.time.Duration.ofSeconds(5));

	private String fill(String body, String language, CaseStatus status, String trackingCode, String administration) {
		Map<String, String> values = Map.of("code", trackingCode, "status",
				SmsTexts.text(language, "status." + status.name()), "administration",
				(administration != null) ? administration : "Sportello", "link", link(trackingCode));
		Matcher matcher = PLACEHOLDER.matcher(body);
		StringBuilder text = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(text, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), "")));
		}
		matcher.appendTail(text);
		return text.toString();
	}

	/** The tracking page, with the code filled in (the PIN the citizen types). */
	String link(String trackingCode) {
		return this.publicUrl + "/track?code=" + trackingCode;
	}

}
