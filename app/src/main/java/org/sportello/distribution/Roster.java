package org.sportello.distribution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.sportello.directory.Directory;
import org.sportello.directory.Office;
import org.sportello.directory.OfficeKind;
import org.sportello.directory.Skill;

import org.springframework.stereotype.Component;

/**
 * What changes at human speed, read by every placement: the front offices, their skills
 * and who is on duty with which skills. Kept in memory for a few seconds (the placement
 * of a new task then costs one query, its office's queues); changes made on this node
 * apply at once, those of another node within {@link #DUTY_SECONDS} (duty) or
 * {@link #OFFICE_SECONDS} (offices and their skills).
 */
@Component
class Roster {

	static final long DUTY_SECONDS = 5;

	static final long OFFICE_SECONDS = 30;

	/** Who is on duty at each office (until when) and what they bring. */
	record Duty(Map<String, Map<String, Instant>> operators, Map<String, Map<String, Set<Skill>>> skills) {

		/** The operators on duty at that office now. */
		List<String> onDuty(String office, Instant now) {
			List<String> users = new ArrayList<>();
			this.operators.getOrDefault(office, Map.of()).forEach((user, until) -> {
				if (until != null && until.isAfter(now)) {
					users.add(user);
				}
			});
			return users;
		}

		/** The skills of the operators on duty at that office now. */
		Set<Skill> skills(String office, Instant now) {
			Set<Skill> skills = EnumSet.noneOf(Skill.class);
			Map<String, Set<Skill>> byUser = this.skills.getOrDefault(office, Map.of());
			onDuty(office, now).forEach((user) -> skills.addAll(byUser.getOrDefault(user, Set.of())));
			return skills;
		}

	}

	private final DistributionMapper mapper;

	private final Directory directory;

	private final Cached<Duty> duty;

	private final Cached<Map<String, Set<Skill>>> officeSkills;

	private final Cached<List<Office>> offices;

	private volatile long officesSeen = -1;

	Roster(DistributionMapper mapper, Directory directory) {
		this.mapper = mapper;
		this.directory = directory;
		this.duty = new Cached<>(this::loadDuty, DUTY_SECONDS);
		this.officeSkills = new Cached<>(this::loadOfficeSkills, OFFICE_SECONDS);
		this.offices = new Cached<>(() -> directory.offices()
			.stream()
			.filter((office) -> office.kind() == OfficeKind.FRONT_OFFICE)
			.toList(), OFFICE_SECONDS);
	}

	List<Office> frontOffices() {
		long changed = this.directory.officesChanged();
		if (changed != this.officesSeen) {
			this.officesSeen = changed;
			this.offices.invalidate();
		}
		return this.offices.get();
	}

	Duty duty() {
		return this.duty.get();
	}

	/** The skills an office offers now: its own and its operators' on duty. */
	Set<Skill> skillsOf(String office, Instant now) {
		Set<Skill> skills = EnumSet.noneOf(Skill.class);
		skills.addAll(this.officeSkills.get().getOrDefault(office, Set.of()));
		skills.addAll(duty().skills(office, now));
		return skills;
	}

	Set<Skill> declaredSkills(String office) {
		Set<Skill> skills = EnumSet.noneOf(Skill.class);
		skills.addAll(this.officeSkills.get().getOrDefault(office, Set.of()));
		return skills;
	}

	void dutyChanged() {
		this.duty.invalidate();
	}

	void skillsChanged() {
		this.officeSkills.invalidate();
		this.duty.invalidate();
	}

	private Duty loadDuty() {
		Map<String, Map<String, Instant>> operators = new LinkedHashMap<>();
		Map<String, Map<String, Set<Skill>>> skills = new HashMap<>();
		for (DistributionMapper.OnDuty row : this.mapper.markedOnDuty()) {
			operators.computeIfAbsent(row.officeGroupId(), (key) -> new LinkedHashMap<>())
				.put(row.userId(), row.onDutyUntil());
			if (row.skill() != null) {
				skills.computeIfAbsent(row.officeGroupId(), (key) -> new HashMap<>())
					.computeIfAbsent(row.userId(), (key) -> EnumSet.noneOf(Skill.class))
					.add(Skill.valueOf(row.skill()));
			}
		}
		return new Duty(operators, skills);
	}

	private Map<String, Set<Skill>> loadOfficeSkills() {
		Map<String, Set<Skill>> skills = new HashMap<>();
		this.mapper.officeSkills()
			.forEach((row) -> skills.computeIfAbsent(row.officeGroupId(), (key) -> EnumSet.noneOf(Skill.class))
				.add(Skill.valueOf(row.skill())));
		return skills;
	}

	/**
	 * A value read again after {@code seconds} of elapsed (monotonic) time: business time
	 * may jump (tests move the engine clock) but a cache's age is real time.
	 */
	private static final class Cached<T> {

		private final Supplier<T> loader;

		private final long ttlNanos;

		private volatile T value;

		private volatile long loadedAt;

		Cached(Supplier<T> loader, long seconds) {
			this.loader = loader;
			this.ttlNanos = seconds * 1_000_000_000L;
		}

		T get() {
			long now = System.nanoTime();
			T current = this.value;
			if (current == null || now - this.loadedAt > this.ttlNanos) {
				current = this.loader.get();
				this.value = current;
				this.loadedAt = now;
			}
			return current;
		}

		void invalidate() {
			this.value = null;
		}

	}

}
