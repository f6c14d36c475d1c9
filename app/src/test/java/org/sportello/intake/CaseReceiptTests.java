package org.sportello.intake;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.sportello.cases.Channel;
import org.sportello.cases.OpenedCase;
import org.sportello.support.H2ApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counter receipt read back from its PDF, as a PDF reader sees it: code, PIN, topic
 * and how to follow in the citizen's language; no name, no contact.
 */
@H2ApplicationTest
public class CaseReceiptTests {

	@Autowired
	IntakeService intake;

	@Autowired
	CaseReceipt receipts;

	@Test
	void theReceiptHasCodePinAndHowToFollowInTheCitizensLanguageAndNoPersonalData() throws IOException {
		OpenedCase opened = this.intake.open(
				new IntakeRequest(Channel.LETTER, "HOUSING_ASSISTANCE",
						"Lettera sulla graduatoria degli alloggi MAP di Onna", "L'Aquila", new IntakeRequest.Citizen(
								"Ettore Żółkiewski", "+393401112233", "ettore@example.org", false, "en"),
						Set.of()),
				"fo1");
		String english = text(this.receipts.pdf(opened, Locale.ENGLISH));
		assertThat(english).contains("Receipt of your request")
			.contains("Case code: " + opened.trackingCode())
			.contains("PIN: " + opened.pin())
			.contains("Channel: Letter")
			.contains("Topic: Housing assistance (temporary housing)")
			.contains("/track?code=" + opened.trackingCode())
			.contains("STATUS " + opened.trackingCode())
			.doesNotContain("Ettore")
			.doesNotContain("3401112233")
			.doesNotContain("ettore@example.org");
		String italian = text(this.receipts.pdf(opened, Locale.ITALIAN));
		assertThat(italian).contains("Ricevuta della richiesta")
			.contains("Canale: Lettera")
			.contains("Argomento: Assistenza alloggiativa (MAP, progetto C.A.S.E.)");
	}

	/** The text of a PDF, as a reader extracts it. */
	public static String text(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			return new PDFTextStripper().getText(document);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
