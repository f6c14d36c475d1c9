package org.sportello.cases;

/**
 * What the citizen sees of a case. The BPMN model decides when a status is reached (a
 * {@code citizenStatus} extension property on a flow node); labels are in the message
 * bundles ({@code status.<NAME>}).
 */
public enum CaseStatus {

	RICEVUTA, INOLTRATA, IN_LAVORAZIONE, IN_ATTESA_DI_INTEGRAZIONE, RISOLTA, CHIUSA, NON_DI_COMPETENZA;

	/** Whether the case is over (it can then be rated). */
	public boolean isFinal() {
		return this == RISOLTA || this == CHIUSA || this == NON_DI_COMPETENZA;
	}

}
