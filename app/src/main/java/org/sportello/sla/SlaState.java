package org.sportello.sla;

/** Where a case or task stands against its SLA. */
public enum SlaState {

	/** Running, below the warning threshold. */
	ON_TRACK,
	/** Running, past the warning threshold. */
	AT_RISK,
	/** Past the target (running or finished late). */
	BREACHED,
	/** Waiting for the citizen: the clock does not run. */
	PAUSED,
	/** Finished within the target. */
	MET

}
