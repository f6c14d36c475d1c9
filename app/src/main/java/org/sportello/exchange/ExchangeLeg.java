package org.sportello.exchange;

import java.time.Instant;

/**
 * One case crossing between this installation and a peer ({@code spt_exchange_leg}).
 *
 * @param direction OUT: our case, sent for the office leg {@code officeGroup}; IN: the
 * peer's case, received for the administration {@code officeGroup}
 * @param remoteCode the other side's tracking code
 */
public record ExchangeLeg(String peerId, String exchangeId, String direction, String caseId, String officeGroup,
		String remoteCode, String remoteStatus, String state, int nextSeq, Instant createdAt, Instant updatedAt) {

	static final String OUT = "OUT";

	static final String IN = "IN";

}
