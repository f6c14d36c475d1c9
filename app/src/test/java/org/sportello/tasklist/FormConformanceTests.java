package org.sportello.tasklist;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server against the form conformance corpus ({@link FormCorpus}): the refused fields
 * are exactly those listed, and accepted data reach the engine as listed. The same corpus
 * runs through the real viewer in {@code FormConformanceBrowserTests}.
 */
class FormConformanceTests {

	static Stream<FormCorpus> cases() {
		return FormCorpus.cases();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void serverFollowsTheCorpus(FormCorpus item) throws IOException {
		FormValidator.Result result = FormValidator.validate(FormCorpus.JSON.readTree(item.schema()), item.data(),
				item.input());

		List<String> refused = result.errors().stream().map(FormValidator.FieldError::key).distinct().toList();
		assertThat(refused).as("refused fields (%s)", result.errors())
			.containsExactlyInAnyOrderElementsOf(item.errors());
		if (item.engine() != null) {
			assertThat(FormCorpus.comparable(result.data())).isEqualTo(FormCorpus.comparable(item.engine()));
		}
	}

}
