package org.sportello.notify;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.sportello.notify.InAppNotification.Kind;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages to officials inside the application (SLA warnings and escalations). Written in
 * the transaction of the event they report.
 */
@Service
public class InAppNotifications {

	private final InAppNotificationMapper mapper;

	private final Clock clock;

	InAppNotifications(InAppNotificationMapper mapper, Clock clock) {
		this.mapper = mapper;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void toUser(String userId, String caseId, Kind kind, String detail) {
		this.mapper.insert(new InAppNotification(UUID.randomUUID().toString(), userId, null, caseId, null, kind, detail,
				this.clock.instant()));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void toGroup(String groupId, String caseId, Kind kind, String detail) {
		this.mapper.insert(new InAppNotification(UUID.randomUUID().toString(), null, groupId, caseId, null, kind,
				detail, this.clock.instant()));
	}

	/**
	 * The latest notifications for a user and the groups they belong to, newest first.
	 */
	public List<InAppNotification> recentFor(String userId, List<String> groups, int limit) {
		return this.mapper.recentFor(userId, groups, limit);
	}

	/** How many notifications of a kind a case produced (for checks and reports). */
	public long countFor(String caseId, Kind kind) {
		return this.mapper.countFor(caseId, kind);
	}

}
