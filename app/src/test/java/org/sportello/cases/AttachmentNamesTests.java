package org.sportello.cases;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever name a file arrives with, it is listed under a plain name that downloads. */
class AttachmentNamesTests {

	@ParameterizedTest(name = "''{0}'' ({1}) is listed as ''{2}''")
	@CsvSource(delimiter = '|', value = { "estratto conto.pdf|application/pdf|estratto conto.pdf",
			"../../estratto conto.pdf|application/pdf|estratto conto.pdf", "..|application/pdf|allegato.pdf",
			".|image/png|allegato.png", "%2e%2e%2fpasswd.pdf|application/pdf|passwd.pdf",
			"%2e%2e%2f|application/pdf|allegato.pdf", "C:\\Documenti\\scan.PDF|application/pdf|scan.pdf",
			"<script>alert(1)</script>.pdf|application/pdf|script_.pdf", ".htaccess|application/pdf|htaccess.pdf",
			"foto|image/jpeg|foto.jpg", "foto.jpeg|image/jpeg|foto.jpeg", "modulo.exe|application/pdf|modulo.exe.pdf",
			"citta\u0300.png|image/png|città.png", "100%.pdf|application/pdf|100_.pdf",
			"   |application/pdf|allegato.pdf" })
	void namesArePlainFileNamesWithTheirTypesExtension(String sent, String type, String listed) {
		assertThat(Attachments.cleanName(sent, type)).isEqualTo(listed);
	}

	@ParameterizedTest
	@CsvSource({ "application/pdf", "image/png", "image/jpeg" })
	void aMissingNameGetsOne(String type) {
		assertThat(Attachments.cleanName(null, type)).startsWith("allegato.");
	}

}
