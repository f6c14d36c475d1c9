package org.sportello.engine.ui;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.sportello.support.BrowserTestSupport;
import org.sportello.support.H2ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** In a real headless Chromium: sign-in, the Models page and its bpmn-js diagram. */
@H2ApplicationTest
class ModelsViewBrowserTests extends BrowserTestSupport {

	@Test
	void designerSeesDeployedModelsAndTheRenderedDiagram() {
		this.browser.login("designer", "demo");
		this.browser.waitFor(By.id("current-user"));
		this.browser.open("/models");

		this.browser.waitFor(By.id("models"));
		WebElement row = this.browser.waitFor(By.xpath("//vaadin-grid-cell-content[text()='citizenRequest']"));
		assertThat(this.browser.driver().getPageSource()).contains("triage");
		row.click();

		this.browser.waitFor(By.cssSelector("sportello-bpmn-viewer[data-rendered] svg"));
		WebElement task = this.browser
			.waitFor(By.cssSelector("sportello-bpmn-viewer .djs-element[data-element-id='frontOfficeTriage']"));
		assertThat(task.getText()).contains("Valutazione front office");
		assertThat(this.browser.waitFor(By.id("diagram-hint")).getText()).contains("Richiesta del cittadino");
		this.browser.screenshot("models");
		this.browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1800, 1000));
		this.browser.screenshot(this.browser.waitFor(By.id("diagram")), "citizen-request");
	}

	@Test
	void designerTriesAFormAsTheTasklistShowsIt() {
		this.browser.login("designer", "demo");
		this.browser.waitFor(By.id("current-user"));
		this.browser.open("/models");
		this.browser.waitFor(By.xpath("//vaadin-grid-cell-content[text()='triage']")).click();
		this.browser.waitFor(By.cssSelector("#preview-form[data-rendered]"));
		assertThat(this.browser.waitFor(By.id("diagram-hint")).getText()).contains("Modulo triage");

		// empty: the viewer refuses it, with its messages in Italian
		this.browser.click(By.id("preview-try"));
		this.browser.waitUntil((driver) -> driver.findElement(By.id("preview-verdict")).getText().contains("browser"));
		assertThat(this.browser.driver().findElement(By.id("preview-verdict")).getText())
			.contains("Il browser rifiuta i dati")
			.contains("triageOutcome");
		assertThat(this.browser.driver().findElement(By.id("preview-form")).getText()).contains("Campo obbligatorio.");

		this.browser.click(By
			.cssSelector("#preview-form input[type=radio][value=FORWARD], #preview-form .fjs-form-field-radio input"));
		WebElement note = this.browser.waitFor(By.cssSelector("#preview-form textarea"));
		note.sendKeys("Serve il back office dell'INPS");
		this.browser.click(By.id("preview-try"));
		this.browser.waitUntil((driver) -> driver.findElement(By.id("preview-verdict")).getText().contains("server"));
		assertThat(this.browser.driver().findElement(By.id("preview-verdict")).getText())
			.contains("Dati accettati dal browser e dal server");
		assertThat(this.browser.waitFor(By.id("preview-data")).getText()).contains("\"resolutionNote\"")
			.contains("Serve il back office");
		this.browser.screenshot("form-preview");
	}

	@Test
	void inEnglishThePreviewShowsTheFormAndItsMessagesInEnglish() {
		this.browser.login("designer", "demo");
		this.browser.chooseEnglish();
		this.browser.open("/models");
		this.browser.waitFor(By.xpath("//vaadin-grid-cell-content[text()='triage']")).click();
		this.browser.waitFor(By.cssSelector("#preview-form[data-rendered]"));
		assertThat(this.browser.waitFor(By.id("diagram-hint")).getText())
			.isEqualTo("Form triage, version 1, as the task list shows it");
		this.browser.click(By.id("preview-try"));
		this.browser.waitUntil((driver) -> driver.findElement(By.id("preview-verdict")).getText().contains("browser"));

		assertThat(this.browser.driver().findElement(By.id("preview-verdict")).getText())
			.startsWith("The browser refuses the data");
		String form = this.browser.driver().findElement(By.id("preview-form")).getText();
		assertThat(form).contains("Outcome of the assessment").contains("Field is required.");
		assertThat(form).doesNotContain("Esito").doesNotContain("Campo obbligatorio");
		assertThat(this.browser.driver().findElement(By.id("preview-try")).getText()).isEqualTo("Try the form");
		this.browser.screenshot("form-preview-en");
	}

	@Test
	void wrongPasswordShowsAnErrorOnTheLoginPage() {
		this.browser.login("bo-pc", "not-the-password");

		this.browser.waitUntil((driver) -> driver.getCurrentUrl().endsWith("/login?error"));
		this.browser.waitFor(By.cssSelector("vaadin-login-form[error]"));
		assertThat(this.browser.driver().findElement(By.tagName("vaadin-login-form")).getText())
			.contains("Nome utente o password non corretti");
	}

	@Test
	void officialsCannotOpenTheModelsPage() {
		this.browser.login("bo-comune", "demo");
		this.browser.waitFor(By.id("current-user"));
		this.browser.open("/models");

		assertThat(this.browser.waitFor(By.id("not-available")).getText()).contains("Pagina non disponibile");
		assertThat(this.browser.driver().findElement(By.id("current-user")).getText()).isEqualTo("bo-comune");
		assertThat(this.browser.driver().findElements(By.id("models"))).isEmpty();
	}

}
