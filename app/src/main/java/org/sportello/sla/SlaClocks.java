package org.sportello.sla;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.Set;
import java.util.UUID;

import org.sportello.InTransaction;
import org.sportello.cases.CaseStatus;
import org.sportello.cases.CaseStatusChanged;
import org.sportello.cases.Cases;
import org.sportello.directory.Directory;
import org.sportello.directory.Office;
import org.sportello.sla.SlaClockRow.Phase;
import org.sportello.sla.SlaClockRow.Scope;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SLA clocks of cases. An office's clock runs while the office holds an open task of
 * the case, in the working time of the office's calendar; it pauses while the office
 * waits for the citizen and resumes with the budget left. The case's clock runs from the
 * first task to the final status in the calendar of the office holding the case, pauses
 * while the case waits for the citizen, and keeps running across transfers. Methods the
 * engine calls join its transaction.
 */
@Service
public class SlaClocks {

	private static final Object READ_IN_TRANSACTION = SlaClocks.class.getName() + ".officeClocks";

	private final SlaClockMapper mapper;

	private final Calendars calendars;

	private final SlaTargets targets;

	private final Cases cases;

	private final Directory directory;

	private final Clock clock;

	private final SlaTimerJobs timerJobs;

	private final ApplicationEventPublisher events;

	SlaClocks(SlaClockMapper mapper, Calendars calendars, SlaTargets targets, Cases cases, Directory directory,
			Clock clock, SlaTimerJobs timerJobs, ApplicationEventPublisher events) {
		this.events = events;
		this.mapper = mapper;
		this.calendars = calendars;
		this.targets = targets;
		this.cases = cases;
		this.directory = directory;
		this.clock = clock;
		this.timerJobs = timerJobs;
	}

	/**
	 * The due dates of the office's clock on the case, starting it (first task of the
	 * office) or resuming it (after waiting for the citizen) if it is not running. Called
	 * by the BPMN timers' expressions, also when the engine recalculates them, so it is
	 * idempotent while the clock runs.
	 * @param priority the case's priority if the process already knows it, else
	 * {@code null} for the case's stored one
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Deadlines officeDeadlines(String caseId, String officeGroupId, String priority) {
		Instant now = this.clock.instant();
		Optional<SlaClockRow> existing = officeClock(caseId, officeGroupId);
		SlaClockRow row;
		if (existing.isEmpty()) {
			// the case's topic and priority: as the opening transaction knows them, or
			// read
			Cases.Opening kase = this.cases.opening(caseId)
				.orElseThrow(() -> new IllegalStateException("No case " + caseId));
			// a group outside the directory (an operator without an office) gets the
			// targets of the decision's last row and the default calendar
			Optional<Office> office = this.directory.office(officeGroupId);
			String administration = office.map(Office::administrationCode).orElse(null);
			SlaTarget target = this.targets.targetOf(kase.topicCode(), (priority != null) ? priority : kase.priority(),
					office.map((known) -> known.kind().name()).orElse("OTHER"));
			row = newClock(caseId, Scope.OFFICE, officeGroupId, administration, target, now);
			this.mapper.insert(row);
			remember(row);
			deadlineChanged(row);
			caseClockFollows(caseId, officeGroupId, administration, target, now);
		}
		else if (existing.get().phase() != Phase.RUNNING) {
			SlaClockRow stopped = existing.get();
			row = stopped.running(stopped.officeGroupId(), stopped.administrationCode(), stopped.resolutionTargetMs(),
					now, stopped.usedMs(), deadlines(stopped, now, stopped.usedMs()));
			write(row);
		}
		else {
			row = existing.get();
		}
		return new Deadlines(row.warningAt(), row.breachAt(), row.level2At());
	}

	/** The office's task ended (completed, or cancelled with its scope). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void officeTaskEnded(String caseId, String officeGroupId) {
		officeClock(caseId, officeGroupId).filter((row) -> row.phase() == Phase.RUNNING).ifPresent((row) -> {
			Instant now = this.clock.instant();
			long used = usedAt(row, now);
			SlaClockRow done = row.stopped(Phase.DONE, used, now);
			write((done.respondedAt() == null) ? done.responded(now, used) : done);
		});
	}

	/** An official of the office took charge (claimed or was assigned the task). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void officeResponded(String caseId, String officeGroupId) {
		officeClock(caseId, officeGroupId).filter((row) -> row.respondedAt() == null).ifPresent((row) -> {
			Instant now = this.clock.instant();
			write(row.responded(now, usedAt(row, now)));
		});
	}

	/** The office waits for the citizen: its clock is paused, not finished. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void officeWaiting(String caseId, String officeGroupId) {
		officeClock(caseId, officeGroupId).ifPresent((row) -> {
			Instant now = this.clock.instant();
			write(row.stopped(Phase.WAITING, usedAt(row, now), null));
		});
	}

	/** The case's clock follows the citizen-visible status. */
	@EventListener
	void statusChanged(CaseStatusChanged change) {
		caseClock(change.caseId()).ifPresent((row) -> {
			Instant now = this.clock.instant();
			if (change.to() == CaseStatus.IN_ATTESA_DI_INTEGRAZIONE && row.phase() == Phase.RUNNING) {
				write(row.stopped(Phase.WAITING, usedAt(row, now), null));
			}
			else if (change.to().isFinal() && row.phase() != Phase.DONE) {
				write(row.stopped(Phase.DONE, usedAt(row, now), now));
			}
			else if (row.phase() == Phase.WAITING && !change.to().isFinal()
					&& change.to() != CaseStatus.IN_ATTESA_DI_INTEGRAZIONE) {
				write(row.running(row.officeGroupId(), row.administrationCode(), row.resolutionTargetMs(), now,
						row.usedMs(), deadlines(row, now, row.usedMs())));
			}
		});
	}

	/**
	 * A calendar changed: running clocks on it count the time so far with the calendar
	 * that was in force, and their due dates (and the engine's timers) follow the new
	 * one.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void calendarChanged(String officeGroupId, BusinessCalendar before) {
		Instant now = this.clock.instant();
		Set<String> cases = new LinkedHashSet<>();
		for (SlaClockRow row : this.mapper.runningOnCalendarOf(officeGroupId)) {
			long used = row.usedMs() + before.workingTimeBetween(row.runningSince(), now).toMillis();
			write(row.running(row.officeGroupId(), row.administrationCode(), row.resolutionTargetMs(), now, used,
					deadlines(row, now, used)));
			if (row.scope() == Scope.OFFICE) {
				cases.add(row.caseId());
			}
		}
		cases.forEach((caseId) -> this.cases.byId(caseId)
			.ifPresent((kase) -> this.timerJobs.recalculate(kase.trackingCode())));
	}

	/** The SLA of the case as a whole, if its clock started. */
	public Optional<SlaStatus> caseStatus(String caseId) {
		Instant now = this.clock.instant();
		return this.mapper.caseClock(caseId).map((row) -> status(row, now));
	}

	/** The SLA of each office's part of the case, oldest first. */
	public List<SlaStatus> officeStatuses(String caseId) {
		Instant now = this.clock.instant();
		List<SlaStatus> statuses = new ArrayList<>();
		for (SlaClockRow row : this.mapper.byCase(caseId)) {
			if (row.scope() == Scope.OFFICE) {
				statuses.add(status(row, now));
			}
		}
		return statuses;
	}

	/** The SLA of one office's part of the case (the SLA of that office's task). */
	public Optional<SlaStatus> officeStatus(String caseId, String officeGroupId) {
		Instant now = this.clock.instant();
		return officeClock(caseId, officeGroupId).map((row) -> status(row, now));
	}

	/**
	 * The SLA of each office's part of these cases, by case and office, in one query (an
	 * inbox page: one read instead of one per row).
	 */
	public Map<CaseOffice, SlaStatus> officeStatuses(Collection<String> caseIds) {
		if (caseIds.isEmpty()) {
			return Map.of();
		}
		Instant now = this.clock.instant();
		Map<CaseOffice, SlaStatus> statuses = new HashMap<>();
		for (SlaClockRow row : this.mapper.officeClocksOf(caseIds)) {
			statuses.put(new CaseOffice(row.caseId(), row.officeGroupId()), status(row, now));
		}
		return statuses;
	}

	/** An office's part of a case. */
	public record CaseOffice(String caseId, String officeGroupId) {
	}

	/** Records the warning; false when it was already given. */
	boolean markWarned(String caseId, String officeGroupId) {
		return officeClock(caseId, officeGroupId).map((row) -> {
			forget(row);
			return this.mapper.markWarned(row.id(), this.clock.instant()) == 1;
		}).orElse(false);
	}

	/** Records an escalation level; false when the clock already reached it. */
	boolean markEscalated(String caseId, String officeGroupId, int level) {
		return officeClock(caseId, officeGroupId).map((row) -> {
			forget(row);
			return this.mapper.markEscalated(row.id(), level, this.clock.instant()) == 1;
		}).orElse(false);
	}

	/** Working time left to the office's target, for messages. */
	Duration leftFor(String caseId, String officeGroupId) {
		return officeStatus(caseId, officeGroupId).map(SlaStatus::left).orElse(Duration.ZERO);
	}

	private void caseClockFollows(String caseId, String officeGroupId, String administration, SlaTarget target,
			Instant now) {
		Optional<SlaClockRow> existing = caseClock(caseId);
		if (existing.isEmpty()) {
			SlaClockRow row = newClock(caseId, Scope.CASE, officeGroupId, administration, target, now);
			this.mapper.insert(row);
			remember(row);
			return;
		}
		SlaClockRow row = existing.get();
		if (row.phase() == Phase.DONE) {
			return;
		}
		// the case promises the longest resolution of the offices that have held it
		long resolution = Math.max(row.resolutionTargetMs(), target.resolution().toMillis());
		SlaClockRow moved = row.relocated(officeGroupId, administration, resolution);
		if (row.phase() == Phase.RUNNING) {
			// time so far counts in the calendar of the office that held the case
			long used = usedAt(row, now);
			write(moved.running(moved.officeGroupId(), moved.administrationCode(), resolution, now, used,
					deadlines(moved, now, used)));
		}
		else {
			write(moved);
		}
	}

	private SlaClockRow newClock(String caseId, Scope scope, String officeGroupId, String administration,
			SlaTarget target, Instant now) {
		SlaClockRow row = new SlaClockRow(UUID.randomUUID().toString(), caseId, scope, officeGroupId, administration,
				Phase.RUNNING, target.response().toMillis(), target.resolution().toMillis(),
				BigDecimal.valueOf(target.warningRatio()), target.level2After().toMillis(), now, now, 0, null, null,
				null, null, null, null, null, 0, null, 0);
		Deadlines due = deadlines(row, now, 0);
		return row.running(row.officeGroupId(), row.administrationCode(), row.resolutionTargetMs(), now, 0, due);
	}

	/**
	 * Due dates of a clock running from {@code since} with {@code used} already spent.
	 */
	private Deadlines deadlines(SlaClockRow row, Instant since, long used) {
		BusinessCalendar calendar = this.calendars.calendarOf(row.officeGroupId());
		SlaTarget target = row.target();
		long resolution = row.resolutionTargetMs();
		List<Instant> due = calendar.addWorkingTimes(since,
				List.of(Duration.ofMillis(Math.max(0, target.warning().toMillis() - used)),
						Duration.ofMillis(Math.max(0, resolution - used)),
						Duration.ofMillis(Math.max(0, resolution + row.level2AfterMs() - used))));
		return new Deadlines(due.get(0), due.get(1), due.get(2));
	}

	private long usedAt(SlaClockRow row, Instant now) {
		if (row.phase() != Phase.RUNNING || row.runningSince() == null) {
			return row.usedMs();
		}
		return row.usedMs()
				+ this.calendars.calendarOf(row.officeGroupId()).workingTimeBetween(row.runningSince(), now).toMillis();
	}

	private SlaStatus status(SlaClockRow row, Instant now) {
		long used = usedAt(row, now);
		long target = row.resolutionTargetMs();
		long warning = row.target().warning().toMillis();
		boolean breached = row.escalationLevel() > 0 || row.breachedAt() != null || used >= target;
		SlaState state = switch (row.phase()) {
			case RUNNING -> breached ? SlaState.BREACHED
					: (row.warnedAt() != null || used >= warning) ? SlaState.AT_RISK : SlaState.ON_TRACK;
			case WAITING -> SlaState.PAUSED;
			case DONE -> (row.escalationLevel() > 0 || row.breachedAt() != null || used > target) ? SlaState.BREACHED
					: SlaState.MET;
		};
		boolean office = row.scope() == Scope.OFFICE;
		long responseUsed = (row.responseUsedMs() != null) ? row.responseUsedMs() : used;
		return new SlaStatus(office ? row.officeGroupId() : null, row.administrationCode(), state,
				Duration.ofMillis(used), Duration.ofMillis(Math.max(0, target - used)), Duration.ofMillis(target),
				(row.phase() == Phase.RUNNING) ? row.breachAt() : null, row.escalationLevel(),
				office ? row.respondedAt() != null : null, office && responseUsed > row.responseTargetMs());
	}

	/**
	 * The office's clock on the case. Read once per transaction: opening a case asks for
	 * it five times (three timers, the task's due date, the timeline), and a read cost as
	 * much as the rest of the SLA work (issue #19). A change forgets it.
	 */
	private Optional<SlaClockRow> officeClock(String caseId, String officeGroupId) {
		return known(caseId, Scope.OFFICE, officeGroupId, () -> this.mapper.find(caseId, Scope.OFFICE, officeGroupId));
	}

	/** The case's own clock, read as {@link #officeClock}. */
	private Optional<SlaClockRow> caseClock(String caseId) {
		return known(caseId, Scope.CASE, "", () -> this.mapper.caseClock(caseId));
	}

	/**
	 * A clock as this transaction knows it: remembered when read or written here; a case
	 * this transaction opened has only the clocks it wrote, so the others are known
	 * absent without a read. Outside a transaction, always read.
	 */
	private Optional<SlaClockRow> known(String caseId, Scope scope, String officeGroupId,
			Supplier<Optional<SlaClockRow>> read) {
		Map<String, Optional<SlaClockRow>> known = InTransaction.map(READ_IN_TRANSACTION);
		if (known == null) {
			return read.get();
		}
		String key = key(caseId, scope, officeGroupId);
		Optional<SlaClockRow> row = known.get(key);
		if (row != null) {
			return row;
		}
		if (!known.containsKey(key) && this.cases.openedInThisTransaction(caseId)) {
			known.put(key, Optional.empty());
			return Optional.empty();
		}
		// never seen, or forgotten after a write (its version moved on): read it
		row = read.get();
		if (row.isPresent()) {
			known.put(key, row);
		}
		return row;
	}

	/**
	 * A clock read or written in this transaction (here, or by the sweep for its batch):
	 * the steps taken next find it without reading it again.
	 */
	void remember(SlaClockRow row) {
		Map<String, Optional<SlaClockRow>> known = InTransaction.map(READ_IN_TRANSACTION);
		if (known != null) {
			known.put(key(row.caseId(), row.scope(), row.officeGroupId()), Optional.of(row));
		}
	}

	/** A clock written here: the next use reads it again. */
	private static void forget(SlaClockRow row) {
		Map<String, Optional<SlaClockRow>> known = InTransaction.map(READ_IN_TRANSACTION);
		if (known != null) {
			known.put(key(row.caseId(), row.scope(), row.officeGroupId()), null);
		}
	}

	private static String key(String caseId, Scope scope, String officeGroupId) {
		return caseId + "\n" + scope + ((scope == Scope.OFFICE) ? "\n" + officeGroupId : "");
	}

	private void write(SlaClockRow row) {
		forget(row);
		if (this.mapper.update(row) != 1) {
			// the engine rolls its step back and the job executor tries again
			throw new OptimisticLockingFailureException("SLA clock " + row.id() + " changed concurrently");
		}
		deadlineChanged(row);
	}

	private void deadlineChanged(SlaClockRow row) {
		if (row.scope() == Scope.OFFICE) {
			this.events.publishEvent(new SlaDeadlineChanged(row.caseId(), row.officeGroupId(), row.breachAt()));
		}
	}

}
