package org.sportello.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven
 * by Selenium. Nothing is downloaded: the binaries must be installed ({@code .ci/run}
 * installs them); without them the browser tests fail and say so.
 */
public final class Browser implements AutoCloseable {

	private static final String CHROMIUM = System.getenv().getOrDefault("SPORTELLO_CHROMIUM", "/usr/bin/chromium");

	private static final String CHROMEDRIVER = System.getenv()
		.getOrDefault("SPORTELLO_CHROMEDRIVER", "/usr/bin/chromedriver");

	private final WebDriver driver;

	private final String baseUrl;

	private final Path profile;

	public Browser(int port) {
		if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
			throw new IllegalStateException("Browser tests need Chromium and ChromeDriver at " + CHROMIUM + " and "
					+ CHROMEDRIVER + ": apt-get install chromium chromium-driver (or set SPORTELLO_CHROMIUM and "
					+ "SPORTELLO_CHROMEDRIVER).");
		}
		try {
			this.profile = Files.createTempDirectory("sportello-chromium");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=it-IT",
				"--user-data-dir=" + this.profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.baseUrl = "http://localhost:" + port;
	}

	public WebDriver driver() {
		return this.driver;
	}

	public void open(String path) {
		this.driver.get(this.baseUrl + path);
	}

	/** Signs in through the Vaadin login form. */
	public void login(String user, String password) {
		open("/login");
		WebElement username = waitFor(By.cssSelector("vaadin-login-form vaadin-text-field input"));
		username.sendKeys(user);
		WebElement secret = this.driver.findElement(By.cssSelector("vaadin-login-form vaadin-password-field input"));
		secret.sendKeys(password, Keys.ENTER);
		// opening the next page before the sign-in lands sends the user back to /login,
		// as it would a person: wait for the redirect (to the page or to /login?error)
		waitUntil((driver) -> !driver.getCurrentUrl().endsWith("/login"));
	}

	/**
	 * Clicks an element after scrolling it to the middle of the window, as a user would.
	 */
	public void click(By locator) {
		WebElement element = waitFor(locator);
		((org.openqa.selenium.JavascriptExecutor) this.driver)
			.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
		new WebDriverWait(this.driver, Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(element))
			.click();
	}

	/**
	 * Chooses a file in the Vaadin Upload with that id (replacing any earlier choice).
	 */
	public void upload(String uploadId, String name, byte[] content) {
		try {
			java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("upload");
			java.nio.file.Path file = java.nio.file.Files.write(dir.resolve(name), content);
			WebElement upload = waitFor(By.id(uploadId));
			WebElement input = upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"));
			// a file dialog replaces the selection; chromedriver would add to it
			((org.openqa.selenium.JavascriptExecutor) this.driver).executeScript("arguments[0].value = ''", input);
			input.sendKeys(file.toString());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** Types into the input of the Vaadin field with that id. */
	public void type(String id, String text) {
		waitFor(By.cssSelector("#" + id + " input, #" + id + " textarea")).sendKeys(text);
	}

	/** Empties the input of the Vaadin field with that id. */
	public void clear(String id) {
		waitFor(By.cssSelector("#" + id + " input, #" + id + " textarea")).sendKeys(
				org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.DELETE);
	}

	/**
	 * Fetches a link of the page (a download) with the browser's session cookies: the
	 * status, the Content-Disposition header and the body.
	 */
	public Download download(String href) {
		String cookies = this.driver.manage()
			.getCookies()
			.stream()
			.map((cookie) -> cookie.getName() + "=" + cookie.getValue())
			.collect(java.util.stream.Collectors.joining("; "));
		java.net.URI uri = java.net.URI.create(this.baseUrl + "/").resolve(href);
		try {
			java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest.newBuilder(uri).header("Cookie", cookies).build(),
						java.net.http.HttpResponse.BodyHandlers.ofByteArray());
			return new Download(response.statusCode(), response.headers().firstValue("Content-Disposition").orElse(""),
					response.body());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public record Download(int status, String disposition, byte[] body) {
	}

	/**
	 * The body of a link that downloads a file with this extension (200, as an
	 * attachment), fetched with the browser's session.
	 */
	public byte[] downloadFile(String href, String extension) {
		Download download = download(href);
		org.assertj.core.api.Assertions.assertThat(download.status()).isEqualTo(200);
		org.assertj.core.api.Assertions.assertThat(download.disposition()).contains("attachment").contains(extension);
		return download.body();
	}

	public WebElement waitFor(By locator) {
		return new WebDriverWait(this.driver, Duration.ofSeconds(30))
			.until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	/**
	 * Waits up to 30 s for a condition; elements Vaadin replaced while it was checked
	 * mean "not yet", not failure. A timeout fails with the address and what the page
	 * shows.
	 */
	public void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
		try {
			// while a page is replaced, ChromeDriver answers with stale elements or "node
			// does not belong to the document" inspector errors: both mean "not yet"
			new WebDriverWait(this.driver, Duration.ofSeconds(30))
				.ignoring(org.openqa.selenium.WebDriverException.class)
				.until(condition::apply);
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			throw new AssertionError(whatTheUserSees(), ex);
		}
	}

	// a timeout alone says nothing of what went wrong; the page's address and text (and a
	// screenshot in target/screenshots) usually do
	private String whatTheUserSees() {
		String text;
		try {
			screenshot("timed-out-" + System.currentTimeMillis());
			text = this.driver.findElement(By.tagName("body")).getText();
		}
		catch (RuntimeException ex) {
			text = "(unreadable: " + ex + ")";
		}
		String shown = (text.length() > 1500) ? text.substring(0, 1500) + "…" : text;
		return "Waited 30 s in vain at " + this.driver.getCurrentUrl() + "; the page shows:\n" + shown;
	}

	/**
	 * Signs the front-office operator fo1 in on a fresh console at /fo/new with the topic
	 * picked from the combo box as an operator does (typing its label, Enter).
	 */
	public void newCaseAsFrontOffice(String topicLabel) {
		login("fo1", "demo");
		waitFor(By.id("current-user"));
		open("/fo/new");
		WebElement topic = waitFor(By.cssSelector("#topic input"));
		topic.sendKeys(topicLabel);
		waitFor(By.cssSelector("vaadin-combo-box-item"));
		topic.sendKeys(Keys.ENTER);
	}

	/**
	 * Types into a field of the task's Camunda Form and waits until the form holds the
	 * text (form-js may replace the field's element while it re-renders after another
	 * change: keys sent to the old one are lost, so they are sent again).
	 */
	public void typeInTaskForm(String fieldSelector, String text) {
		By field = By.cssSelector("#task-form " + fieldSelector);
		waitUntil((driver) -> {
			WebElement input = driver.findElement(field);
			String value = input.getDomProperty("value");
			if (value != null && value.endsWith(text)) {
				return true;
			}
			input.sendKeys(text);
			return false;
		});
	}

	/**
	 * Types the request's description on the console and waits until the knowledge base's
	 * suggestions follow it (they appear under the description and move what is below).
	 */
	public void describeRequest(String text) {
		type("description", text);
		String expected = text.strip();
		waitUntil((driver) -> {
			// the suggestions follow a moment after typing pauses, or when the field is
			// left
			String shown = driver.findElement(By.id("kb-suggestions")).getDomAttribute("data-for");
			if (!expected.equals(shown)) {
				driver.findElement(By.cssSelector("#description textarea")).sendKeys(Keys.TAB);
				return false;
			}
			return true;
		});
	}

	/**
	 * Picks an option of a Camunda Form's select (the first in the form), as a user does.
	 */
	public void chooseInForm(WebElement form, String label) {
		form.findElement(By.cssSelector(".fjs-form-field-select .fjs-input-group")).click();
		waitFor(By.cssSelector(".fjs-dropdownlist-item"));
		this.driver.findElements(By.cssSelector(".fjs-dropdownlist-item"))
			.stream()
			.filter((item) -> item.getText().equals(label))
			.findFirst()
			.orElseThrow()
			.click();
	}

	/** Picks the option with this label in the Vaadin Select that is open. */
	public void chooseOption(String label) {
		waitFor(By.cssSelector("vaadin-select-item[role=option]"));
		this.driver.findElements(By.cssSelector("vaadin-select-item[role=option]"))
			.stream()
			.filter((item) -> item.getText().trim().equals(label))
			.findFirst()
			.orElseThrow()
			.click();
	}

	/** Chooses English in the header's language select (kept for the session). */
	public void chooseEnglish() {
		waitFor(By.id("language-select"));
		if ("en".equals(this.driver.findElement(By.tagName("html")).getAttribute("lang"))) {
			return;
		}
		click(By.id("language-select"));
		chooseOption("English");
		// the page reloads in the new language: read the attribute without holding an
		// element of the old document (chromedriver then fails with "Node ... does not
		// belong to the document" rather than a stale element)
		waitUntil((driver) -> "en".equals(((org.openqa.selenium.JavascriptExecutor) driver)
			.executeScript("return document.documentElement.lang")));
	}

	/**
	 * Saves a screenshot under docs/screenshots of the repository (linked from the
	 * README).
	 */
	public void screenshot(String name) {
		save(((org.openqa.selenium.TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE), name);
	}

	/** Saves a screenshot of one element under docs/screenshots. */
	public void screenshot(WebElement element, String name) {
		save(element.getScreenshotAs(OutputType.FILE), name);
	}

	private static void save(File shot, String name) {
		// docs/screenshots only on request (-Dsportello.update-screenshots), so a test
		// run leaves the
		// work tree clean; otherwise target/screenshots
		Path folder = Boolean.getBoolean("sportello.update-screenshots")
				? Path.of(System.getProperty("sportello.root", ".."), "docs", "screenshots")
				: Path.of("target", "screenshots");
		Path target = folder.resolve(name + ".png");
		try {
			Files.createDirectories(target.getParent());
			Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
