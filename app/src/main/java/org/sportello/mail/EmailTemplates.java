package org.sportello.mail;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The citizens' emails, kept as data (spt_email_template) per kind (a case status or
 * ACKNOWLEDGEMENT) and language, filled with the tracking code, the PIN
 * (acknowledgement), the status, the administrations in charge, the link to the tracking
 * page and the answers written for the citizen. The HTML part is the same text, escaped,
 * in paragraphs, with its links made clickable: one text to keep, two parts to read.
 */
@Service
public class EmailTemplates {

	public static final String ACKNOWLEDGEMENT = "ACKNOWLEDGEMENT";

	static final List<String> PLACEHOLDERS = List.of("code", "pin", "status", "administration", "link", "answer");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

	private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)]");

	private final EmailMapper mapper;

	private final String publicUrl;

	EmailTemplates(EmailMapper mapper, @Value("${sportello.public-url}") String publicUrl) {
		this.mapper = mapper;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
	}

	/** Subject and text of an email. */
	record Filled(String subject, String body) {
	}

	public List<EmailTemplate> templates() {
		return this.mapper.templates();
	}

	/**
	 * The filled subject and text; {@code {pin}} is left in place (the dispatcher fills
	 * it at sending time, see V23__email_channel.sql).
	 */
	Filled render(String kind, String language, Map<String, String> values) {
		return renderIfAny(kind, language, values)
			.orElseThrow(() -> new IllegalStateException("No email template for " + kind));
	}

	/** As {@link #render}, or empty for a kind without a template (no email for it). */
	java.util.Optional<Filled> renderIfAny(String kind, String language, Map<String, String> values) {
		String lang = "en".equals(language) ? "en" : "it";
		return this.mapper.template(kind, lang)
			.or(() -> this.mapper.template(kind, "it"))
			.map((template) -> filled(template, values));
	}

	private Filled filled(EmailTemplate template, Map<String, String> values) {
		Map<String, String> all = new java.util.HashMap<>(values);
		all.putIfAbsent("link", link(values.get("code")));
		all.put("pin", "{pin}");
		// the subject is one line whatever the values hold (no header injection)
		String subject = fill(template.subject(), all).replaceAll("[\\r\\n\\t]+", " ").strip();
		return new Filled(subject, fill(template.body(), all).replaceAll("\\n{3,}", "\n\n").strip());
	}

	String link(String trackingCode) {
		return this.publicUrl + "/track?code=" + trackingCode;
	}

	static String fill(String text, Map<String, String> values) {
		Matcher matcher = PLACEHOLDER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String value = values.get(matcher.group(1));
			matcher.appendReplacement(out, Matcher.quoteReplacement((value != null) ? value : ""));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	/** The HTML part: the text escaped, paragraphs at blank lines, links clickable. */
	static String html(String text, String language) {
		StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"")
			.append("en".equals(language) ? "en" : "it")
			.append("\"><head><meta charset=\"utf-8\"></head><body style=\"font-family:sans-serif;line-height:1.5;")
			.append("color:#1a1a1a\">");
		for (String paragraph : text.split("\\n\\s*\\n")) {
			String escaped = HtmlUtils.htmlEscape(paragraph.strip(), "UTF-8");
			Matcher links = LINK.matcher(escaped);
			StringBuilder linked = new StringBuilder();
			while (links.find()) {
				links.appendReplacement(linked,
						Matcher.quoteReplacement("<a href=\"" + links.group() + "\">" + links.group() + "</a>"));
			}
			links.appendTail(linked);
			html.append("<p>").append(linked.toString().replace("\n", "<br>")).append("</p>");
		}
		return html.append("</body></html>").toString();
	}

	/**
	 * Saves a template that uses known placeholders only; a stale version or an unknown
	 * placeholder is refused ({@link IllegalArgumentException}) and nothing changes.
	 */
	@org.springframework.transaction.annotation.Transactional
	public EmailTemplate save(String kind, String language, String subject, String body, int version, String user,
			java.time.Instant now) {
		if (subject == null || subject.isBlank() || body == null || body.isBlank()) {
			throw new IllegalArgumentException("empty");
		}
		for (String text : new String[] { subject, body }) {
			Matcher matcher = PLACEHOLDER.matcher(text);
			while (matcher.find()) {
				if (!PLACEHOLDERS.contains(matcher.group(1))) {
					throw new IllegalArgumentException("placeholder:" + matcher.group(1));
				}
			}
		}
		EmailTemplate updated = new EmailTemplate(kind, language, subject.strip(), body.strip(), now, user, version);
		if (this.mapper.updateTemplate(updated) != 1) {
			throw new IllegalArgumentException("stale");
		}
		return this.mapper.template(kind, language).orElseThrow();
	}

}
