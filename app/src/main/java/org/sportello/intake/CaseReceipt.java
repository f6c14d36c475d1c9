package org.sportello.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.sportello.cases.CaseRow;
import org.sportello.cases.Cases;
import org.sportello.cases.OpenedCase;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The receipt the counter (or the operator who registers a fax or a letter) prints for
 * the citizen right after opening the case: tracking code, PIN, date, channel, topic and
 * how to follow the request, in the citizen's language, as one A4 page of PDF (Apache
 * PDFBox). The PIN is known only at that moment; the receipt is made then and stored
 * nowhere. No name or contact goes on it: a receipt left on a counter tells nobody's
 * business.
 */
@Service
public class CaseReceipt {

	private final Cases cases;

	private final Clock clock;

	private final String publicUrl;

	CaseReceipt(Cases cases, Clock clock, @Value("${sportello.public-url}") String publicUrl) {
		this.cases = cases;
		this.clock = clock;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
	}

	/** The receipt of a case just opened, as PDF bytes. */
	public byte[] pdf(OpenedCase opened, Locale locale) {
		CaseRow row = this.cases.byId(opened.caseId()).orElseThrow();
		Locale language = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ITALIAN;
		ResourceBundle texts = ResourceBundle.getBundle("vaadin-i18n.translations", language);
		String topic = this.cases.topic(row.topicCode()).map((t) -> t.label(language)).orElse(row.topicCode());
		String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
			.withLocale(language)
			.withZone(this.clock.getZone())
			.format(row.createdAt());
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle(texts.getString("receipt.title") + " " + opened.trackingCode());
			info.setCreator("Sportello");
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
			PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
			try (PDPageContentStream text = new PDPageContentStream(document, page)) {
				Writer writer = new Writer(text, 56, page.getMediaBox().getHeight() - 72);
				writer.line(bold, 20, texts.getString("receipt.title"));
				writer.gap(10);
				writer.line(regular, 11, texts.getString("receipt.intro"));
				writer.gap(16);
				writer.pair(bold, regular, texts.getString("receipt.code"), opened.trackingCode(), 16);
				writer.pair(bold, regular, texts.getString("receipt.pin"), opened.pin(), 16);
				writer.gap(8);
				writer.pair(bold, regular, texts.getString("receipt.date"), when, 11);
				writer.pair(bold, regular, texts.getString("receipt.channel"),
						texts.getString("channel." + row.channel().name()), 11);
				writer.pair(bold, regular, texts.getString("receipt.topic"), topic, 11);
				writer.gap(16);
				writer.line(bold, 12, texts.getString("receipt.how"));
				writer.gap(4);
				for (String line : wrap(java.text.MessageFormat.format(texts.getString("receipt.how-web"),
						this.publicUrl + "/track?code=" + opened.trackingCode()), 90)) {
					writer.line(regular, 11, line);
				}
				for (String line : wrap(
						java.text.MessageFormat.format(texts.getString("receipt.how-sms"), opened.trackingCode()),
						90)) {
					writer.line(regular, 11, line);
				}
				writer.gap(16);
				for (String line : wrap(texts.getString("receipt.keep"), 95)) {
					writer.line(regular, 9, line);
				}
			}
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Lines of at most {@code width} characters, broken at spaces. */
	static List<String> wrap(String text, int width) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.split(" ")) {
			if (line.length() > 0 && line.length() + 1 + word.length() > width) {
				lines.add(line.toString());
				line.setLength(0);
			}
			if (line.length() > 0) {
				line.append(' ');
			}
			line.append(word);
		}
		if (line.length() > 0) {
			lines.add(line.toString());
		}
		return lines;
	}

	/** Writes lines down the page. */
	private static final class Writer {

		private final PDPageContentStream stream;

		private final float left;

		private float y;

		Writer(PDPageContentStream stream, float left, float top) {
			this.stream = stream;
			this.left = left;
			this.y = top;
		}

		void gap(float points) {
			this.y -= points;
		}

		void line(PDType1Font font, float size, String text) throws IOException {
			this.y -= size * 1.35f;
			this.stream.beginText();
			this.stream.setFont(font, size);
			this.stream.newLineAtOffset(this.left, this.y);
			this.stream.showText(encodable(text));
			this.stream.endText();
		}

		void pair(PDType1Font labelFont, PDType1Font valueFont, String label, String value, float size)
				throws IOException {
			this.y -= size * 1.45f;
			this.stream.beginText();
			this.stream.setFont(labelFont, size);
			this.stream.newLineAtOffset(this.left, this.y);
			this.stream.showText(encodable(label) + " ");
			this.stream.setFont(valueFont, size);
			this.stream.showText(encodable(value));
			this.stream.endText();
		}

		/**
		 * The standard fonts write WinAnsi (Latin-1 and a few more): Italian and English
		 * texts fit; anything else becomes "?" rather than an error.
		 */
		private static String encodable(String text) {
			StringBuilder out = new StringBuilder();
			text.codePoints().forEach((cp) -> {
				boolean latin = cp >= 0x20 && cp <= 0xFF && (cp < 0x7F || cp > 0x9F);
				boolean extra = "€‘’“”–—…•".indexOf(cp) >= 0;
				out.append((latin || extra) ? new String(Character.toChars(cp)) : "?");
			});
			return out.toString();
		}

	}

}
