package org.sportello.privacy;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who opened which case: every official's read of a case (its page, the case API, an
 * export of a citizen's data) is written here, so that supervisors and administrators can
 * answer "who saw my data" (GDPR art. 15) and spot reads that had no reason.
 */
@Service
public class AccessLog {

	/** What the case page shows; the count says how many more there are. */
	public static final int SHOWN = 100;

	private final AccessMapper mapper;

	private final Clock clock;

	AccessLog(AccessMapper mapper, Clock clock) {
		this.mapper = mapper;
		this.clock = clock;
	}

	@Transactional
	public void opened(String caseId, String userId, CaseAccess.Via via) {
		this.mapper.insert(UUID.randomUUID().toString(), caseId, userId, via, this.clock.instant());
	}

	/** The newest reads of the case, at most {@link #SHOWN}. */
	public List<CaseAccess> ofCase(String caseId) {
		return this.mapper.ofCase(caseId, SHOWN);
	}

	public int countOfCase(String caseId) {
		return this.mapper.countOfCase(caseId);
	}

}
