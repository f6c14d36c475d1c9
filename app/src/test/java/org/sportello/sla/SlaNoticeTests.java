package org.sportello.sla;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An SLA notice is stored as data and written out in the reader's words. */
class SlaNoticeTests {

	static final Map<String, String> ENGLISH = Map.of("sla.notice.WARNING", "{0} h {1} min left", "sla.notice.LEVEL1",
			"to the supervisors ({0})", "sla.notice.LEVEL2", "to {0}");

	static String describe(String detail) {
		return SlaNotice.describe(detail, (key, parameters) -> MessageFormat.format(ENGLISH.get(key), parameters),
				(group) -> "linea-amica-hub".equals(group) ? "Coordinamento Linea Amica" : group);
	}

	@Test
	void eachStepIsWrittenOutFromItsData() {
		assertThat(describe(SlaNotice.warning(Duration.ofMinutes(479)))).isEqualTo("7 h 59 min left");
		// a warning that runs late (the node was down) says nothing is left, not a
		// negative
		assertThat(describe(SlaNotice.warning(Duration.ofMinutes(-30)))).isEqualTo("0 h 0 min left");
		assertThat(describe(SlaNotice.firstLevel("supervisor"))).isEqualTo("to the supervisors (supervisor)");
		assertThat(describe(SlaNotice.secondLevel("linea-amica-hub"))).isEqualTo("to Coordinamento Linea Amica");
	}

	@Test
	void sentencesWrittenBeforeAreShownAsTheyAre() {
		String older = "SLA superato: escalation di primo livello ai responsabili (supervisor)";
		assertThat(describe(older)).isEqualTo(older);
		assertThat(describe(null)).isEmpty();
	}

}
