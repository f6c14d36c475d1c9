package org.sportello.distribution;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.sportello.directory.Directory;
import org.sportello.directory.Office;
import org.sportello.directory.OfficeKind;
import org.sportello.directory.Skill;
import org.sportello.sla.BusinessCalendar;
import org.sportello.sla.Calendars;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Front-office operators say whether they are on duty, on a break or off. On duty counts
 * in the capacity of each of the operator's front offices until the end of that office's
 * working day (or, when the office is closed, the end of the calendar day): a switch left
 * on ends by itself.
 */
@Service
public class Availability {

	/**
	 * An operator's state now.
	 *
	 * @param until when on duty ends by itself (null unless on duty)
	 * @param offices the front offices it applies to (none: the user has no front office)
	 */
	public record Status(DutyState state, Instant until, List<Office> offices) {
	}

	private final DistributionMapper mapper;

	private final Roster roster;

	private final Directory directory;

	private final Calendars calendars;

	private final Clock clock;

	Availability(DistributionMapper mapper, Roster roster, Directory directory, Calendars calendars, Clock clock) {
		this.mapper = mapper;
		this.roster = roster;
		this.directory = directory;
		this.calendars = calendars;
		this.clock = clock;
	}

	/** The front offices the user works in. */
	public List<Office> frontOfficesOf(String userId) {
		return this.directory.officesOf(userId)
			.stream()
			.filter((office) -> office.kind() == OfficeKind.FRONT_OFFICE)
			.toList();
	}

	public Status statusOf(String userId) {
		Instant now = this.clock.instant();
		List<DistributionMapper.Duty> duties = this.mapper.dutiesOf(userId);
		Optional<Instant> onDutyUntil = duties.stream()
			.filter((duty) -> DutyState.ON_DUTY.name().equals(duty.state()) && duty.onDutyUntil() != null
					&& duty.onDutyUntil().isAfter(now))
			.map(DistributionMapper.Duty::onDutyUntil)
			.max(Comparator.naturalOrder());
		DutyState state = onDutyUntil.isPresent() ? DutyState.ON_DUTY
				: duties.stream().anyMatch((duty) -> DutyState.BREAK.name().equals(duty.state())) ? DutyState.BREAK
						: DutyState.OFF;
		return new Status(state, onDutyUntil.orElse(null), frontOfficesOf(userId));
	}

	/** Sets the user's state in every front office of the user. */
	@Transactional
	public Status set(String userId, DutyState state) {
		Instant now = this.clock.instant();
		for (Office office : frontOfficesOf(userId)) {
			this.mapper.deleteDuty(userId, office.groupId());
			Instant until = (state == DutyState.ON_DUTY) ? endOfDay(office.groupId(), now) : null;
			this.mapper.insertDuty(userId, office.groupId(), state.name(), now, until);
		}
		changed(this.roster::dutyChanged);
		return statusOf(userId);
	}

	/**
	 * What the operator can do beyond the office's own skills (languages, sign
	 * language...).
	 */
	public Set<Skill> skillsOf(String userId) {
		Set<Skill> skills = EnumSet.noneOf(Skill.class);
		this.mapper.operatorSkills(userId).forEach((skill) -> skills.add(Skill.valueOf(skill)));
		return skills;
	}

	@Transactional
	public void setSkills(String userId, Set<Skill> skills) {
		this.mapper.deleteOperatorSkills(userId);
		skills.forEach((skill) -> this.mapper.insertOperatorSkill(userId, skill.name()));
		changed(this.roster::skillsChanged);
	}

	/** Forgets the roster now and once more when the change is committed. */
	private static void changed(Runnable forget) {
		forget.run();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					forget.run();
				}
			});
		}
	}

	private Instant endOfDay(String office, Instant now) {
		BusinessCalendar calendar = this.calendars.calendarOf(office);
		return calendar.endOfWorkingDay(now).orElseGet(() -> {
			ZonedDateTime local = now.atZone(calendar.zone());
			return local.toLocalDate().plusDays(1).atTime(LocalTime.MIDNIGHT).atZone(calendar.zone()).toInstant();
		});
	}

}
