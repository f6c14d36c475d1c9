package org.sportello.tasklist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.sportello.support.BrowserTestSupport;
import org.sportello.support.H2ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The form conformance corpus ({@link FormCorpus}) through the real form-js viewer of the
 * application's bundle, in headless Chromium: each data set is loaded into the viewer of
 * the designer's form preview as the form's data, submitted there, and the viewer's
 * refused fields and submitted data must be those the corpus lists, which the server is
 * held to in {@link FormConformanceTests}. A difference between viewer and server fails
 * one of the two.
 */
@H2ApplicationTest
class FormConformanceBrowserTests extends BrowserTestSupport {

	/**
	 * Loads schema and data into the viewer element, submits with form-js and answers
	 * {refused: [data paths], data}. Data paths are named as the server names them:
	 * {@code applicant.contact.email}, {@code children[0].name}.
	 */
	private static final String SUBMIT_IN_VIEWER = """
			const [schema, data, done] = arguments;
			const element = document.querySelector('sportello-form-viewer');
			element.addEventListener('form-rendered', () => setTimeout(() => {
			  const form = element._form;
			  const { data: submitted, errors } = form.submit();
			  const refused = [];
			  for (const instance of form.get('formFieldInstanceRegistry').getAllKeyed()) {
			    let node = errors[instance.id];
			    for (const index of Object.values(instance.indexes || {})) {
			      node = node && node[index];
			    }
			    if (Array.isArray(node) && node.length) {
			      refused.push(instance.valuePath.map((segment, i) => typeof segment === 'number'
			        ? '[' + segment + ']' : (i ? '.' : '') + segment).join(''));
			    }
			  }
			  done(JSON.stringify({ refused, data: submitted }));
			}, 300), { once: true });
			element.schema = schema;
			element.data = data;
			""";

	@Test
	void theViewerAgreesWithTheCorpus() throws Exception {
		this.browser.login("designer", "demo");
		this.browser.waitFor(By.id("current-user"));
		this.browser.open("/models");
		this.browser.waitFor(By.xpath("//vaadin-grid-cell-content[text()='back-office-answer']")).click();
		this.browser.waitFor(By.cssSelector("sportello-form-viewer[data-rendered]"));
		JavascriptExecutor js = (JavascriptExecutor) this.browser.driver();

		List<String> differences = new ArrayList<>();
		int checked = 0;
		for (FormCorpus item : FormCorpus.cases().toList()) {
			String answer = (String) js.executeAsyncScript(SUBMIT_IN_VIEWER, item.schema(),
					FormCorpus.JSON.writeValueAsString(item.viewerData()));
			JsonNode result = FormCorpus.JSON.readTree(answer);
			List<String> refused = new ArrayList<>();
			result.path("refused").forEach((key) -> refused.add(key.asText()));
			if (!new java.util.HashSet<>(refused).equals(new java.util.HashSet<>(item.errors()))) {
				differences.add(item + ": the viewer refuses " + refused + ", the corpus " + item.errors());
			}
			else if (item.engine() != null
					&& !FormCorpus.comparable(FormCorpus.JSON.convertValue(result.path("data"), Map.class))
						.equals(FormCorpus.comparable(item.engine()))) {
				differences.add(item + ": the viewer submits " + result.path("data") + ", the corpus " + item.engine());
			}
			checked++;
		}
		assertThat(differences).isEmpty();
		assertThat(checked).isEqualTo(FormCorpus.cases().count()).isGreaterThanOrEqualTo(20);
	}

}
