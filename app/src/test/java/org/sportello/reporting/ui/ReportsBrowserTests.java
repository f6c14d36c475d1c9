package org.sportello.reporting.ui;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.sportello.cases.Channel;
import org.sportello.cases.OpenedCase;
import org.sportello.intake.IntakeRequest;
import org.sportello.intake.IntakeService;
import org.sportello.knowledge.KnowledgeBase;
import org.sportello.reporting.DailyFigures;
import org.sportello.support.BrowserTestSupport;
import org.sportello.support.H2ApplicationTest;
import org.sportello.support.TestClock;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real headless Chromium, as the hub's supervisor: the front offices' figures of the
 * last months with the administration filter, a period that ends before it starts, and
 * the same page in English; then, as a citizen, "none of these answers my question" on
 * /faq, which INPS's editor finds among the knowledge base's measures.
 */
@H2ApplicationTest
class ReportsBrowserTests extends BrowserTestSupport {

	private static final ZoneId ROME = ZoneId.of("Europe/Rome");

	/**
	 * A Monday of its own: no other test opens cases from November 2031 to February 2032.
	 */
	private static final LocalDate MONDAY = LocalDate.of(2032, 2, 9);

	@Autowired
	IntakeService intake;

	@Autowired
	KnowledgeBase knowledge;

	@Autowired
	DailyFigures daily;

	@AfterEach
	void realTimeAgain() {
		TestClock.reset();
	}

	@Test
	void theSupervisorReadsTheFrontOfficesFiguresInItalianAndEnglish() throws Exception {
		TestClock.set(at(MONDAY, 10, 0));
		OpenedCase withArticle = open("fo1");
		this.intake.resolve(withArticle.trackingCode(), "Risposta della base di conoscenza", "fo1");
		this.knowledge.usedFor(withArticle.caseId(), this.knowledge.suggestions("pensione").get(0).article().id());
		OpenedCase answered = open("fo1");
		this.intake.resolve(answered.trackingCode(), "Risposto al telefono", "fo1");
		OpenedCase forwarded = open("fo-comune");
		this.intake.forward(forwarded.trackingCode(), "Serve la sede INPS", "fo-comune");
		TestClock.set(at(MONDAY.plusDays(1), 12, 0));
		this.daily.aggregate();

		this.browser.login("supervisor1", "demo");
		this.browser.waitFor(By.id("current-user"));
		this.browser.open("/reports");
		this.browser.waitUntil((driver) -> summary(driver).startsWith("3 pratiche; chiuse dal front office 2 (66,7%)"));
		assertThat(summary(this.browser.driver())).contains("con una risposta della base di conoscenza 1 (50%");
		assertThat(this.browser.driver().findElement(By.id("reports-offices")).getText())
			.contains("Contact center Linea Amica")
			.contains("URP Comune dell'Aquila");
		assertThat(this.browser.driver().findElement(By.id("reports-months")).getText()).contains("febbraio 2032");
		// the months' chart (ECharts, SVG) with its two series, labelled as an image
		// whose
		// figures are in the table
		WebElement chart = this.browser.waitFor(By.cssSelector("#reports-months-chart[data-rendered='2'] svg"));
		assertThat(chart.findElements(By.tagName("path"))).isNotEmpty();
		assertThat(this.browser.driver().findElement(By.id("reports-months-chart")).getDomAttribute("aria-label"))
			.startsWith("Grafico delle pratiche");

		WebElement administration = this.browser.waitFor(By.cssSelector("#reports-administration input"));
		administration.sendKeys("Comune dell");
		this.browser.click(By.xpath("//vaadin-combo-box-item[contains(., \"Comune dell'Aquila\")]"));
		this.browser.waitUntil((driver) -> summary(driver).startsWith("1 pratica; chiuse dal front office 0"));

		// a period ending before it starts is refused where the supervisor looks
		this.browser.clear("reports-to");
		this.browser.type("reports-to", "01/10/2031" + Keys.ENTER);
		this.browser.waitUntil((driver) -> summary(driver).startsWith("Il periodo deve finire"));
		assertThat(this.browser.driver().findElement(By.id("reports-to")).getAttribute("invalid")).isNotNull();
		this.browser.clear("reports-to");
		this.browser.type("reports-to", "10/02/2032" + Keys.ENTER);
		this.browser.waitUntil((driver) -> summary(driver).startsWith("1 pratica"));
		this.browser.screenshot("reports-it");

		this.browser.chooseEnglish();
		this.browser.waitUntil((driver) -> summary(driver).startsWith("3 cases; closed at the front office 2 (66.7%)"));
		assertThat(this.browser.driver().findElement(By.tagName("h2")).getText()).isEqualTo("Reports");
		assertThat(this.browser.driver().findElement(By.id("reports-months")).getText()).contains("February 2032");
		this.browser.screenshot("reports-en");

		// the export is prepared in the background (the page pushes its progress) and
		// offered as a link; the file is the workbook with the period's three cases
		this.browser.click(By.id("reports-export-xlsx"));
		WebElement link = this.browser.waitFor(By.id("reports-download-link"));
		assertThat(link.getText()).isEqualTo("Download the file (3 rows)");
		byte[] file = this.browser.downloadFile(link.getDomAttribute("href"), ".xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("Summary");
			assertThat(book.getSheetAt(0).getDrawingPatriarch().getCharts()).hasSize(1);
			assertThat(book.getSheetAt(1).getLastRowNum()).isEqualTo(3);
			assertThat(book.getSheetAt(1).getRow(0).getCell(0).getStringCellValue()).isEqualTo("Opened on");
		}
		this.browser.screenshot("reports-export-en");

		this.browser.click(By.xpath("//vaadin-tab[normalize-space()='Topics and channels']"));
		this.browser.waitUntil((driver) -> driver.findElement(By.id("reports-topics")).getText().contains("Pensions"));
		assertThat(this.browser.driver().findElement(By.id("reports-alerts")).getText())
			.contains("Pensions: 3 cases, against a weekly mean of 0");
		this.browser.screenshot("reports-topics-en");
	}

	@Test
	void aCitizenFindsNoUsefulAnswerAndTheEditorsSeeTheGap() {
		TestClock.set(at(MONDAY.plusDays(2), 11, 0));
		String question = "pensione di reversibilità per i figli studenti universitari";
		for (int citizen = 0; citizen < 2; citizen++) {
			this.browser.open("/faq?q=" + question.replace(" ", "+"));
			this.browser.waitFor(By.id("faq-hits"));
			this.browser.click(By.id("faq-none-useful"));
			this.browser.waitUntil(
					(driver) -> driver.findElement(By.id("faq-none-useful-thanks")).getText().startsWith("Grazie"));
		}

		this.browser.login("redazione-inps", "demo");
		this.browser.waitFor(By.id("current-user"));
		this.browser.open("/kb");
		this.browser.click(By.id("kb-measures-link"));
		this.browser.waitUntil((driver) -> driver.findElement(By.id("kb-gaps")).getText().contains(question));
		assertThat(this.browser.driver().findElement(By.id("kb-gaps")).getText()).contains(question + "\nItaliano\n2");
		assertThat(this.browser.driver().findElement(By.id("kb-usage")).getText()).contains("Pratiche chiuse con esso");
		this.browser.screenshot("kb-measures-it");
	}

	private static String summary(WebDriver driver) {
		return driver.findElement(By.id("reports-summary")).getText();
	}

	private OpenedCase open(String operator) {
		return this.intake.open(
				new IntakeRequest(Channel.PHONE, "PENSION", "Chiede quando arriva la pensione", "L'Aquila",
						new IntakeRequest.Citizen("Lucia Ferri", "+393331112233", null, true, "it"), Set.of()),
				operator);
	}

	private static Instant at(LocalDate day, int hour, int minute) {
		return day.atTime(hour, minute).atZone(ROME).toInstant();
	}

}
