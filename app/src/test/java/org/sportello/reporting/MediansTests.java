package org.sportello.reporting;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Medians from spans of minutes, on counts worked out by hand. */
class MediansTests {

	@Test
	void theMiddleCaseIsFoundInItsSpanAndPlacedByItsRankWithinIt() {
		assertThat(Medians.of(List.of())).isNull();
		assertThat(Medians.of(List.of(new Medians.Bucket(15, 1)))).isEqualTo(15);
		// 7 cases: the 4th; three before, so the first of the 1320-1379 span's four
		assertThat(Medians.of(List.of(new Medians.Bucket(30, 3), new Medians.Bucket(1320, 4)))).isEqualTo(1320);
		// 100 cases in one hour-wide span: the 50th, 49/100 of an hour in
		assertThat(Medians.of(List.of(new Medians.Bucket(1320, 100)))).isEqualTo(1320 + 29);
		// an even count takes the lower middle case
		assertThat(Medians.of(List.of(new Medians.Bucket(0, 1), new Medians.Bucket(90, 1)))).isZero();
		assertThat(Medians.of(List.of(new Medians.Bucket(14400, 3)))).isEqualTo(14400);
	}

	@Test
	void spansWidenWithTheTime() {
		assertThat(Medians.width(0)).isEqualTo(5);
		assertThat(Medians.width(115)).isEqualTo(5);
		assertThat(Medians.width(120)).isEqualTo(15);
		assertThat(Medians.width(480)).isEqualTo(60);
		assertThat(Medians.width(2400)).isEqualTo(480);
		assertThat(Medians.width(14400)).isZero();
	}

}
