package org.sportello.reporting;

/**
 * What a breakdown groups by. Front offices are seen by the administration that runs
 * them; the other dimensions by every administration that opened or owns the case.
 */
public enum Dimension {

	FRONT_OFFICE("NULLIF(front_office, '')", true), ADMINISTRATION("NULLIF(owner_administration, '')", false),
	TOPIC("topic_code", false), CHANNEL("channel", false),
	/** The class of the topic (the network's uniform classification). */
	TOPIC_CLASS("NULLIF(topic_class, '')", false),
	/**
	 * The outcome class the front office recorded at closure (none while open); read from
	 * its own sums (spt_dw_outcome), with cases and front-office closures only.
	 */
	OUTCOME_CLASS("NULLIF(outcome_class, '')", false),
	/** yyyymm of the opening day. */
	MONTH("CAST(EXTRACT(YEAR FROM opened_on) * 100 + EXTRACT(MONTH FROM opened_on) AS CHAR(6))", false);

	private final String column;

	private final boolean frontOnly;

	Dimension(String column, boolean frontOnly) {
		this.column = column;
		this.frontOnly = frontOnly;
	}

	/**
	 * The SQL expression on the pre-aggregated days (constants only: it is spliced into
	 * the query); '' there stands for none.
	 */
	public String column() {
		return this.column;
	}

	public boolean frontOnly() {
		return this.frontOnly;
	}

}
