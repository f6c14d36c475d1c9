package org.sportello.tasklist;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.sportello.cases.CaseSearch;
import org.sportello.cases.CaseStatus;
import org.sportello.cases.CaseSummary;
import org.sportello.cases.Cases;
import org.sportello.cases.Channel;
import org.sportello.cases.OpenedCase;
import org.sportello.intake.IntakeRequest;
import org.sportello.intake.IntakeService;
import org.sportello.support.H2ApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding cases with or without open tasks: by code, name words, phone as typed, email,
 * status, open or finished, topic, administration and period; back offices find only
 * their administrations' cases; paging.
 */
@H2ApplicationTest
class CaseSearchTests {

	@Autowired
	IntakeService intake;

	@Autowired
	Cases cases;

	@Autowired
	Clock clock;

	@Test
	void findsCasesByWhatPeopleRememberOfThem() {
		String surname = "Zanetti" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
		String phone = "+39345" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
		OpenedCase pension = open("PENSION", "Maria Grazia " + surname, phone, "mg." + surname + "@example.org");
		OpenedCase tax = open("LOCAL_TAX", "Luca D'Àngelo " + surname, null, null);
		this.intake.resolve(tax.trackingCode(), "Pagamento con F24 entro il 16", "fo1");
		this.intake.forward(pension.trackingCode(), "Al back office INPS", "fo1");

		assertThat(
				codes(new CaseSearch(pension.trackingCode().toLowerCase(), null, null, null, null, null, null), "fo1"))
			.containsExactly(pension.trackingCode());
		// words of the name, as typed: start of any word, any case, accents or not
		assertThat(codes(search(surname.toLowerCase()), "fo1")).containsExactlyInAnyOrder(tax.trackingCode(),
				pension.trackingCode());
		assertThat(codes(search("grazia " + surname.substring(0, 7).toUpperCase()), "fo1"))
			.contains(pension.trackingCode())
			.doesNotContain(tax.trackingCode());
		assertThat(codes(search("dangelo " + surname), "fo1")).isEmpty();
		assertThat(codes(search("angelo " + surname), "fo1")).containsExactly(tax.trackingCode());
		// phone as people type it, email in any case
		String typed = phone.substring(3, 6) + " " + phone.substring(6);
		assertThat(codes(search(typed), "fo1")).containsExactly(pension.trackingCode());
		assertThat(codes(search("MG." + surname.toUpperCase() + "@EXAMPLE.ORG"), "fo1"))
			.containsExactly(pension.trackingCode());

		// filters
		assertThat(codes(new CaseSearch(surname, null, null, null, null, null, false), "fo1"))
			.containsExactly(tax.trackingCode());
		assertThat(codes(new CaseSearch(surname, null, null, null, null, null, true), "fo1"))
			.containsExactly(pension.trackingCode());
		assertThat(codes(new CaseSearch(surname, CaseStatus.RISOLTA, null, null, null, null, null), "fo1"))
			.containsExactly(tax.trackingCode());
		assertThat(codes(new CaseSearch(surname, null, "PENSION", null, null, null, null), "fo1"))
			.containsExactly(pension.trackingCode());
		assertThat(codes(new CaseSearch(surname, null, null, "INPS", null, null, null), "fo1"))
			.containsExactly(pension.trackingCode());
		LocalDate today = LocalDate.now(this.clock);
		assertThat(codes(new CaseSearch(surname, null, null, null, today, today, null), "fo1")).hasSize(2);
		assertThat(codes(new CaseSearch(surname, null, null, null, today.plusDays(1), null, null), "fo1")).isEmpty();

		// back offices find only their administrations' cases, as when reading one
		assertThat(codes(search(surname), "bo-inps")).containsExactly(pension.trackingCode());
		assertThat(codes(search(surname), "bo-comune")).isEmpty();
		assertThat(this.cases.count(search(surname), "supervisor1")).isEqualTo(2);
		assertThat(this.cases.search(search(surname), "fo1", 1, 50)).hasSize(1);

		// the same citizen's earlier cases, for the console
		assertThat(this.cases.earlierCases(phone, null, "fo1")).extracting(CaseSummary::trackingCode)
			.containsExactly(pension.trackingCode());
	}

	@Test
	void aCaseIsFoundOnceWhateverItsWordsAndFromEachAdministrationsSide() {
		String surname = "Quaranta" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
		// two words of the name start alike: one row in the results, one in the count
		OpenedCase doubled = open("PENSION", surname + " " + surname + "bis Anna", null, null);
		OpenedCase other = open("LOCAL_TAX", "Anna " + surname, null, null);
		this.intake.forward(doubled.trackingCode(), "Al back office INPS", "fo1");

		assertThat(codes(search(surname), "fo1")).containsExactly(other.trackingCode(), doubled.trackingCode());
		assertThat(this.cases.count(search(surname), "fo1")).isEqualTo(2);
		assertThat(codes(search("ann " + surname + "b"), "fo1")).containsExactly(doubled.trackingCode());
		assertThat(this.cases.search(search(surname), "fo1", 1, 1)).extracting(CaseSummary::trackingCode)
			.containsExactly(doubled.trackingCode());

		// without words the search starts from an administration's cases: the filter's
		// or, for a back office, its own; the other rules still hold
		LocalDate today = LocalDate.now(this.clock);
		CaseSearch inpsToday = new CaseSearch(null, null, null, "INPS", today, today, null);
		assertThat(codes(inpsToday, "fo1")).contains(doubled.trackingCode()).doesNotContain(other.trackingCode());
		assertThat(codes(inpsToday, "bo-comune")).doesNotContain(doubled.trackingCode());
		CaseSearch today1 = new CaseSearch(null, null, "PENSION", null, today, today, true);
		assertThat(codes(today1, "bo-inps")).contains(doubled.trackingCode());
		assertThat(this.cases.count(today1, "bo-inps")).isPositive();
		assertThat(codes(new CaseSearch(null, null, "LOCAL_TAX", null, today, today, null), "bo-inps"))
			.doesNotContain(other.trackingCode());
	}

	private static CaseSearch search(String text) {
		return new CaseSearch(text, null, null, null, null, null, null);
	}

	private List<String> codes(CaseSearch search, String user) {
		return this.cases.search(search, user, 0, 50).stream().map(CaseSummary::trackingCode).toList();
	}

	private OpenedCase open(String topic, String name, String phone, String email) {
		return this.intake.open(new IntakeRequest(Channel.PHONE, topic, "Richiesta da ritrovare con la ricerca", null,
				new IntakeRequest.Citizen(name, phone, email, false, "it"), Set.of()), "fo1");
	}

}
