package org.sportello.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.sportello.cases.NewAttachment;

import org.springframework.web.util.HtmlUtils;

/**
 * A message read from a mailbox, as Sportello needs it: who sent it, subject, the text
 * (the plain part, or the HTML part made text), the attached files, and what kind of
 * message it is. A PEC envelope ({@code X-Trasporto: posta-certificata}) is opened: the
 * sender's message is its {@code postacert.eml}, and the envelope itself is kept whole
 * ({@link #original}); a PEC provider's receipt carries {@code X-Ricevuta}.
 *
 * @param key SHA-256 of the Message-ID (of the bytes when there is none)
 * @param automatic an auto-reply or a bounce (RFC 3834 {@code Auto-Submitted}, a delivery
 * status notification, {@code Precedence: bulk}...): it opens nothing
 * @param receipt the PEC receipt's type ("accettazione", "avvenuta-consegna"...), or null
 * @param original the message's bytes as received, kept for a PEC
 */
record InboundMail(String key, String fromAddress, String fromName, String subject, String text,
		List<NewAttachment> files, List<String> refusedFiles, boolean automatic, String receipt, String language,
		byte[] original) {

	private static final Pattern QUOTE_HEADER = Pattern.compile(
			"(?im)^\\s*(?:-{2,}\\s*(?:original message|messaggio originale)\\s*-{2,}|(?:on|il) .{4,200}(?:wrote|ha scritto)\\s*:)\\s*$");

	/** Reads the raw message (RFC 5322 bytes). */
	static InboundMail parse(byte[] raw) throws MessagingException, IOException {
		Session session = Session.getInstance(new Properties());
		MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
		String messageId = message.getMessageID();
		String key = sha256(
				(messageId != null && !messageId.isBlank()) ? messageId.strip().getBytes(StandardCharsets.UTF_8) : raw);
		String receipt = header(message, "X-Ricevuta");
		MimeMessage content = message;
		boolean certified = "posta-certificata".equalsIgnoreCase(String.valueOf(header(message, "X-Trasporto")));
		if (certified) {
			MimeMessage inner = innerMessage(message, session);
			if (inner != null) {
				content = inner;
			}
		}
		InternetAddress from = sender(content);
		if (certified && from == null) {
			from = sender(message);
		}
		List<NewAttachment> files = new ArrayList<>();
		List<String> refused = new ArrayList<>();
		StringBuilder plain = new StringBuilder();
		StringBuilder html = new StringBuilder();
		walk(content, plain, html, files, refused, certified);
		String text = (plain.length() > 0) ? plain.toString() : htmlToText(html.toString());
		String subject = content.getSubject();
		String language = String.valueOf(header(content, "Content-Language")).toLowerCase(Locale.ROOT).startsWith("en")
				? "en" : "it";
		return new InboundMail(key, (from != null) ? from.getAddress().toLowerCase(Locale.ROOT) : null,
				(from != null) ? from.getPersonal() : null, (subject != null) ? subject.strip() : "", text.strip(),
				List.copyOf(files), List.copyOf(refused), automatic(message), receipt, language,
				certified ? raw : null);
	}

	/** The text without the quoted message a reply carries below it. */
	String textWithoutQuote() {
		String withoutQuotedLines = this.text.lines()
			.filter((line) -> !line.startsWith(">"))
			.reduce(new StringBuilder(), (out, line) -> out.append(line).append('\n'), StringBuilder::append)
			.toString();
		java.util.regex.Matcher header = QUOTE_HEADER.matcher(withoutQuotedLines);
		return (header.find() ? withoutQuotedLines.substring(0, header.start()) : withoutQuotedLines).strip();
	}

	/**
	 * RFC 3834 and common practice: Auto-Submitted other than "no", a delivery or
	 * disposition report, Precedence bulk/junk/list/auto_reply, the X-Autoreply family,
	 * an empty Return-Path, or a mailer daemon as sender.
	 */
	private static boolean automatic(MimeMessage message) throws MessagingException {
		String submitted = header(message, "Auto-Submitted");
		if (submitted != null && !submitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
			return true;
		}
		String type = String.valueOf(message.getContentType()).toLowerCase(Locale.ROOT);
		if (type.startsWith("multipart/report")) {
			return true;
		}
		String precedence = String.valueOf(header(message, "Precedence")).strip().toLowerCase(Locale.ROOT);
		if (List.of("bulk", "junk", "list", "auto_reply").contains(precedence)) {
			return true;
		}
		for (String name : List.of("X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress")) {
			if (header(message, name) != null) {
				return true;
			}
		}
		String returnPath = header(message, "Return-Path");
		if (returnPath != null && returnPath.strip().equals("<>")) {
			return true;
		}
		InternetAddress from = sender(message);
		String local = (from != null) ? from.getAddress().toLowerCase(Locale.ROOT) : "";
		return local.startsWith("mailer-daemon@") || local.startsWith("postmaster@");
	}

	private static void walk(Part part, StringBuilder plain, StringBuilder html, List<NewAttachment> files,
			List<String> refused, boolean certified) throws MessagingException, IOException {
		String fileName = decode(part.getFileName());
		boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				walk(multipart.getBodyPart(i), plain, html, files, refused, certified);
			}
		}
		else if (attachment) {
			if (certified && fileName != null
					&& (fileName.equalsIgnoreCase("daticert.xml") || fileName.equalsIgnoreCase("postacert.eml")
							|| fileName.toLowerCase(Locale.ROOT).endsWith(".p7s"))) {
				// the PEC envelope's own parts: kept in the original message
				return;
			}
			if (part.getSize() > org.sportello.cases.Attachments.MAX_BYTES * 4 / 3 + 4096) {
				// base64 of more than the limit: not read into memory
				refused.add((fileName != null) ? fileName : "allegato");
				return;
			}
			byte[] bytes = readAll(part.getInputStream());
			files.add(new NewAttachment((fileName != null) ? fileName : "allegato", bytes));
		}
		else if (part.isMimeType("text/plain") && plain.length() == 0) {
			plain.append(String.valueOf(part.getContent()));
		}
		else if (part.isMimeType("text/html") && html.length() == 0) {
			html.append(String.valueOf(part.getContent()));
		}
		else if (part.isMimeType("message/rfc822") && !certified) {
			refused.add("messaggio inoltrato");
		}
	}

	/** The sender's message inside a PEC envelope: the part postacert.eml. */
	private static MimeMessage innerMessage(Part part, Session session) throws MessagingException, IOException {
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				MimeMessage found = innerMessage(multipart.getBodyPart(i), session);
				if (found != null) {
					return found;
				}
			}
			return null;
		}
		if (part instanceof BodyPart body && (part.isMimeType("message/rfc822")
				|| "postacert.eml".equalsIgnoreCase(decode(body.getFileName())))) {
			Object content = part.getContent();
			if (content instanceof MimeMessage inner) {
				return inner;
			}
			return new MimeMessage(session, part.getInputStream());
		}
		return null;
	}

	private static InternetAddress sender(MimeMessage message) throws MessagingException {
		Address[] from = message.getFrom();
		return (from != null && from.length > 0 && from[0] instanceof InternetAddress address) ? address : null;
	}

	private static String header(MimeMessage message, String name) throws MessagingException {
		return message.getHeader(name, ",");
	}

	private static String decode(String value) {
		if (value == null) {
			return null;
		}
		try {
			return MimeUtility.decodeText(value);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			return value;
		}
	}

	/**
	 * A mail client's HTML as text: block ends become line breaks, tags go, entities
	 * decoded.
	 */
	static String htmlToText(String html) {
		String text = html.replaceAll("(?is)<(script|style|head)[^>]*>.*?</\\1>", " ")
			.replaceAll("(?i)<br\\s*/?>", "\n")
			.replaceAll("(?i)</(p|div|li|tr|h[1-6])>", "\n")
			.replaceAll("<[^>]*>", "");
		return HtmlUtils.htmlUnescape(text).replaceAll("[ \\t\\x0B\\f]+", " ").replaceAll("\\n\\s*\\n\\s*\\n+", "\n\n");
	}

	private static byte[] readAll(InputStream in) throws IOException {
		try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			in.transferTo(out);
			return out.toByteArray();
		}
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String toString() {
		return "InboundMail[" + this.key + (this.automatic ? ", automatic" : "")
				+ ((this.receipt != null) ? ", receipt " + this.receipt : "") + "]";
	}

}
