package org.sportello.distribution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sportello.cases.Cases;
import org.sportello.directory.Directory;
import org.sportello.directory.Office;
import org.sportello.directory.OfficeKind;
import org.sportello.directory.Skill;
import org.sportello.security.Roles;
import org.sportello.sla.Calendars;
import org.sportello.tasklist.TaskEvents;
import org.sportello.tasklist.TaskQueued;

import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where front-office work waits: the office the process gave a task (its home) unless
 * {@code decisions/distribution.dmn} says it should overflow (a skill the case needs, the
 * office closed or without operators, a queue too long or too slow), then the eligible
 * office of the network with the lowest load. Decided when the task is created, again by
 * each re-balancing pass, and by a supervisor's move on the workload board; every move is
 * one conditional update of the task's row (a claimed task never moves; two nodes move a
 * task once) and an event on the case's timeline with its reason.
 */
@Service
public class Distribution {

	private static final Logger log = LoggerFactory.getLogger(Distribution.class);

	/**
	 * Placing a task counts an office's queue up to this many per operator on duty (and
	 * one more): far past any load the decision tells apart, and the count no longer
	 * grows with a queue of thousands at a peak (ADR 0027). The board counts them all.
	 */
	static final int COUNTED_PER_OPERATOR = 50;

	/** One front office now, as the workload board shows it. */
	public record OfficeWorkload(Office office, boolean open, List<String> operatorsOnDuty, Set<Skill> skills,
			int waiting, Instant oldestSince, int atRisk, int handledLastHour) {

		public int onDuty() {
			return this.operatorsOnDuty.size();
		}

	}

	/** A waiting task of an office, for the board. */
	public record WaitingTask(String taskId, String trackingCode, String topicCode, String homeOffice,
			Instant createdAt, Instant movedAt, Set<Skill> needs) {
	}

	/** What a move by hand did. */
	public record MoveResult(int moved, int notWaiting, int lackingSkill) {
	}

	/** A task in a queue, for the decisions. */
	private record Queued(String taskId, String caseId, String office, String home, Instant queuedAt, Instant movedAt,
			Set<Skill> needs) {
	}

	/** An office's figures while deciding; the queue changes as tasks move. */
	private static final class Desk {

		final Office office;

		final boolean open;

		final int onDuty;

		final Set<Skill> skills;

		final TreeMap<Instant, Integer> queue = new TreeMap<>();

		int waiting;

		Desk(Office office, boolean open, int onDuty, Set<Skill> skills) {
			this.office = office;
			this.open = open;
			this.onDuty = onDuty;
			this.skills = skills;
		}

		String id() {
			return this.office.groupId();
		}

		void add(Instant since, int count) {
			this.queue.merge(since, count, Integer::sum);
			this.waiting += count;
		}

		void remove(Instant since) {
			this.queue.computeIfPresent(since, (key, count) -> (count > 1) ? count - 1 : null);
			this.waiting--;
		}

		double loadWith(int extra) {
			return (this.waiting + extra) / (double) Math.max(this.onDuty, 1);
		}

	}

	private final DistributionMapper mapper;

	private final Roster roster;

	private final DistributionDecision decision;

	private final Directory directory;

	private final Calendars calendars;

	private final Cases cases;

	private final TaskService tasks;

	private final TaskEvents taskEvents;

	private final DistributionSettings settings;

	private final Clock clock;

	private final TransactionTemplate eachMove;

	Distribution(DistributionMapper mapper, Roster roster, DistributionDecision decision, Directory directory,
			Calendars calendars, Cases cases, TaskService tasks, TaskEvents taskEvents, DistributionSettings settings,
			Clock clock, PlatformTransactionManager transactions) {
		this.mapper = mapper;
		this.roster = roster;
		this.decision = decision;
		this.directory = directory;
		this.calendars = calendars;
		this.cases = cases;
		this.tasks = tasks;
		this.taskEvents = taskEvents;
		this.settings = settings;
		this.clock = clock;
		this.eachMove = new TransactionTemplate(transactions);
		this.eachMove.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** The network's front offices. */
	public List<Office> frontOffices() {
		return this.roster.frontOffices();
	}

	/**
	 * A front-office task was just created at its home office: it stays unless the
	 * decision sends it elsewhere (same transaction as the task).
	 */
	@EventListener
	void queued(TaskQueued queued) {
		if (queued.task().getAssignee() != null) {
			return;
		}
		try {
			place(queued);
		}
		catch (RuntimeException ex) {
			// never let the distribution stop a case from opening: the task waits at home
			// and the next pass decides again
			log.warn("Task {} left at {}: {}", queued.task().getId(), queued.office(), ex.toString());
		}
	}

	private void place(TaskQueued queued) {
		Instant now = this.clock.instant();
		Set<Skill> needs = this.cases.needs(queued.caseId());
		Optional<Placement> placement = decide(queued.office(), needs, now);
		if (placement.isEmpty()) {
			return;
		}
		Desk home = placement.get().home();
		Desk target = placement.get().target();
		String taskId = queued.task().getId();
		if (this.mapper.move(taskId, home.id(), target.id(), now, null) == 0) {
			return;
		}
		offerLater(taskId, home.id(), target.id());
		record(queued.caseId(), placement.get().reason(), home, target, null, needs, now);
		this.taskEvents.moved(taskId, home.id(), target.id());
	}

	private record Placement(Desk home, Desk target, String reason) {
	}

	/**
	 * Where a new task of this office whose case needs these skills goes: empty to stay
	 * (the office's figures as they are, the task counted). What the benchmark times.
	 */
	Optional<Placement> decide(String office, Set<Skill> needs, Instant now) {
		Map<String, Desk> desks = desks(now, frontOffices(), List.of());
		Desk home = desks.get(office);
		if (home == null) {
			return Optional.empty();
		}
		count(List.of(home));
		DistributionDecision.Outcome why = this.decision.evaluate(input(home, needs, 0, now));
		if (!why.overflow()) {
			return Optional.empty();
		}
		// only offices that could take it: open, with someone on duty
		count(desks.values().stream().filter((desk) -> desk != home && desk.open && desk.onDuty > 0).toList());
		return target(desks, home, needs, why, now).map((target) -> new Placement(home, target, why.reason()));
	}

	/**
	 * One re-balancing pass over every waiting front-office task, oldest in its queue
	 * first: back to its home office when home can keep it again; elsewhere when the
	 * decision says its office should overflow. Tasks moved for load stay put for the
	 * settling time. Returns the number of moves.
	 */
	public int rebalance() {
		return rebalance(frontOffices());
	}

	/** A pass among these front offices only (tests keep to their own offices). */
	int rebalance(List<Office> offices) {
		Instant now = this.clock.instant();
		if (offices.isEmpty()) {
			return 0;
		}
		List<Queued> queue = queued(offices.stream().map(Office::groupId).toList());
		Map<String, Desk> desks = desks(now, offices, queue);
		Instant settledBefore = now.minus(this.settings.settle());
		int moves = 0;
		for (Queued task : queue) {
			if (moves >= this.settings.maxMovesPerPass()) {
				break;
			}
			Desk at = desks.get(task.office());
			boolean settled = task.movedAt() == null || task.movedAt().isBefore(settledBefore);
			Desk home = desks.get(task.home());
			if (home != null && home != at && settled
					&& !this.decision.evaluate(input(home, task.needs(), 1, now)).overflow()) {
				if (move(task, at, home, "RETURN", null, settledBefore, now)) {
					moves++;
				}
				continue;
			}
			DistributionDecision.Outcome why = this.decision.evaluate(input(at, task.needs(), 0, now));
			boolean forLoad = why.targetLoadBelow() != null;
			if (!why.overflow() || (forLoad && !settled)) {
				continue;
			}
			Optional<Desk> target = target(desks, at, task.needs(), why, now);
			if (target.isPresent()
					&& move(task, at, target.get(), why.reason(), null, forLoad ? settledBefore : null, now)) {
				moves++;
			}
		}
		if (moves > 0) {
			log.info("Re-balancing moved {} of {} waiting front-office tasks", moves, queue.size());
		}
		return moves;
	}

	/**
	 * A supervisor moves waiting tasks to another front office: claimed ones and those
	 * whose case needs a skill the office lacks now stay.
	 */
	public MoveResult moveByHand(Collection<String> taskIds, String targetOffice, String userId) {
		Set<String> visible = visibleOffices(userId).stream().map(Office::groupId).collect(Collectors.toSet());
		if (!visible.contains(targetOffice)) {
			throw new AccessDeniedException("office " + targetOffice);
		}
		Instant now = this.clock.instant();
		Map<String, Desk> desks = desks(now, frontOffices(), List.of());
		count(List.copyOf(desks.values()));
		Desk to = desks.get(targetOffice);
		int moved = 0;
		int notWaiting = 0;
		int lackingSkill = 0;
		for (String taskId : taskIds) {
			List<Queued> rows = queuedRows(this.mapper.task(taskId));
			Queued task = rows.isEmpty() ? null : rows.get(0);
			if (task == null || !visible.contains(task.office()) || task.office().equals(targetOffice)
					|| this.mapper.assigneeOf(taskId) != null) {
				notWaiting++;
				continue;
			}
			if (!to.skills.containsAll(task.needs())) {
				lackingSkill++;
				continue;
			}
			Desk from = desks.get(task.office());
			if (move(task, from, to, "MANUAL", userId, null, now)) {
				moved++;
			}
			else {
				notWaiting++;
			}
		}
		return new MoveResult(moved, notWaiting, lackingSkill);
	}

	/**
	 * The front offices a user watches on the board: every one for the hub and
	 * administrators, else those of the administrations of the user's offices.
	 */
	public List<Office> visibleOffices(String userId) {
		Directory.Membership membership = this.directory.membershipOf(userId);
		boolean network = membership.roles().contains(Roles.ADMIN)
				|| membership.offices().stream().anyMatch((office) -> office.kind() == OfficeKind.HUB);
		Set<String> administrations = membership.offices()
			.stream()
			.map(Office::administrationCode)
			.collect(Collectors.toSet());
		return frontOffices().stream()
			.filter((office) -> network || administrations.contains(office.administrationCode()))
			.toList();
	}

	/** The board: the user's visible front offices now. */
	public List<OfficeWorkload> workload(String userId) {
		Instant now = this.clock.instant();
		List<Office> offices = visibleOffices(userId);
		if (offices.isEmpty()) {
			return List.of();
		}
		Roster.Duty duty = this.roster.duty();
		Map<String, DistributionMapper.OfficeLoad> load = new HashMap<>();
		this.mapper.load(offices.stream().map(Office::groupId).toList())
			.forEach((row) -> load.put(row.officeGroupId(), row));
		Map<String, Integer> atRisk = counts(this.mapper.atRisk(now));
		Map<String, Integer> handled = counts(this.mapper.handledSince(now.minus(Duration.ofHours(1))));
		List<OfficeWorkload> board = new ArrayList<>();
		for (Office office : offices) {
			DistributionMapper.OfficeLoad figures = load.get(office.groupId());
			board.add(new OfficeWorkload(office, this.calendars.calendarOf(office.groupId()).isWorking(now),
					List.copyOf(duty.onDuty(office.groupId(), now)), this.roster.skillsOf(office.groupId(), now),
					(figures != null) ? figures.waiting() : 0, (figures != null) ? figures.oldest() : null,
					atRisk.getOrDefault(office.groupId(), 0), handled.getOrDefault(office.groupId(), 0)));
		}
		return board;
	}

	/** The unclaimed tasks waiting at an office the user watches. */
	public List<WaitingTask> waitingAt(String office, String userId) {
		if (visibleOffices(userId).stream().noneMatch((visible) -> visible.groupId().equals(office))) {
			throw new AccessDeniedException("office " + office);
		}
		Map<String, WaitingTask> tasks = new LinkedHashMap<>();
		for (DistributionMapper.WaitingRow row : this.mapper.waitingAt(office)) {
			WaitingTask task = tasks.computeIfAbsent(row.taskId(),
					(id) -> new WaitingTask(id, row.trackingCode(), row.topicCode(), row.homeOfficeGroupId(),
							row.createdAt(), row.movedAt(), EnumSet.noneOf(Skill.class)));
			if (row.need() != null) {
				task.needs().add(Skill.valueOf(row.need()));
			}
		}
		return List.copyOf(tasks.values());
	}

	/** The skills an office declares (besides its operators' on duty). */
	public Set<Skill> officeSkills(String office) {
		return this.roster.declaredSkills(office);
	}

	@org.springframework.transaction.annotation.Transactional
	public void setOfficeSkills(String office, Set<Skill> skills) {
		if (this.directory.office(office).isEmpty()) {
			throw new IllegalArgumentException("unknown office " + office);
		}
		this.mapper.deleteOfficeSkills(office);
		skills.forEach((skill) -> this.mapper.insertOfficeSkill(office, skill.name()));
		this.roster.skillsChanged();
	}

	/**
	 * The engine reads a new task's candidate links from the database, where they are not
	 * yet while its create listeners run: the links change once the engine has flushed,
	 * just before the transaction commits.
	 */
	private void offerLater(String taskId, String from, String to) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.tasks.deleteCandidateGroup(taskId, from);
			this.tasks.addCandidateGroup(taskId, to);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void beforeCommit(boolean readOnly) {
				if (Distribution.this.tasks.createTaskQuery().taskId(taskId).count() > 0) {
					Distribution.this.tasks.deleteCandidateGroup(taskId, from);
					Distribution.this.tasks.addCandidateGroup(taskId, to);
				}
			}
		});
	}

	private boolean move(Queued task, Desk from, Desk to, String reason, String actor, Instant settledBefore,
			Instant now) {
		Boolean moved;
		try {
			moved = tryMove(task, from, to, reason, actor, settledBefore, now);
		}
		catch (org.springframework.dao.DataAccessException | org.camunda.bpm.engine.OptimisticLockingException ex) {
			// another node or a claim got there first in a way the row lock did not
			// settle (deadlock victim, stale task): the next pass decides again
			log.info("Task {} not moved: {}", task.taskId(), ex.getClass().getSimpleName());
			return false;
		}
		if (Boolean.TRUE.equals(moved)) {
			from.remove(task.queuedAt());
			to.add(now, 1);
			return true;
		}
		return false;
	}

	private Boolean tryMove(Queued task, Desk from, Desk to, String reason, String actor, Instant settledBefore,
			Instant now) {
		return this.eachMove.execute((status) -> {
			if (this.mapper.move(task.taskId(), from.id(), to.id(), now, settledBefore) == 0) {
				// claimed, completed or moved by another node meanwhile
				return false;
			}
			this.tasks.deleteCandidateGroup(task.taskId(), from.id());
			this.tasks.addCandidateGroup(task.taskId(), to.id());
			record(task.caseId(), reason, from, to, actor, task.needs(), now);
			this.taskEvents.moved(task.taskId(), from.id(), to.id());
			return true;
		});
	}

	/**
	 * The timeline's detail: reason | from office | waiting there | operators on duty |
	 * oldest wait (minutes) | the case's needs (CaseView renders it in the reader's
	 * language).
	 */
	private void record(String caseId, String reason, Desk from, Desk to, String actor, Set<Skill> needs, Instant now) {
		long minutes = from.queue.isEmpty() ? 0 : Duration.between(from.queue.firstKey(), now).toMinutes();
		String detail = String.join("|", reason, from.id(), Integer.toString(from.waiting),
				Integer.toString(from.onDuty), Long.toString(Math.max(0, minutes)),
				needs.stream().map(Skill::name).sorted().collect(Collectors.joining(",")));
		this.cases.distributed(caseId, to.id(), actor, detail);
	}

	private DistributionDecision.Input input(Desk desk, Set<Skill> needs, int extra, Instant now) {
		Instant oldest = desk.queue.isEmpty() ? ((extra > 0) ? now : null) : desk.queue.firstKey();
		long minutes = (oldest == null) ? 0 : Math.max(0, Duration.between(oldest, now).toMinutes());
		return new DistributionDecision.Input(!desk.skills.containsAll(needs), desk.open, desk.onDuty,
				desk.loadWith(extra), minutes);
	}

	/**
	 * The office to send the task to: one where the decision would keep it (and below the
	 * decision's target load, when it gives one), the least loaded; for a skill, a closed
	 * office or one without operators, else any open office with the skills and someone
	 * on duty.
	 */
	private Optional<Desk> target(Map<String, Desk> desks, Desk from, Set<Skill> needs,
			DistributionDecision.Outcome why, Instant now) {
		Comparator<Desk> leastLoaded = Comparator.comparingDouble((Desk desk) -> desk.loadWith(1))
			.thenComparing((Desk desk) -> -desk.onDuty)
			.thenComparing(Desk::id);
		List<Desk> able = desks.values()
			.stream()
			.filter((desk) -> desk != from && desk.open && desk.onDuty > 0 && desk.skills.containsAll(needs))
			.toList();
		Optional<Desk> keeping = able.stream()
			.filter((desk) -> why.targetLoadBelow() == null || desk.loadWith(1) < why.targetLoadBelow())
			.filter((desk) -> !this.decision.evaluate(input(desk, needs, 1, now)).overflow())
			.min(leastLoaded);
		if (keeping.isPresent() || why.targetLoadBelow() != null) {
			return keeping;
		}
		return able.stream().min(leastLoaded);
	}

	/**
	 * Every front office's figures now, with the queues of {@code queue} (placing a task
	 * passes none and counts only the desks it needs, {@link #count}).
	 */
	private Map<String, Desk> desks(Instant now, List<Office> offices, List<Queued> queue) {
		Roster.Duty duty = this.roster.duty();
		Map<String, Desk> desks = new LinkedHashMap<>();
		for (Office office : offices) {
			desks.put(office.groupId(), new Desk(office, this.calendars.calendarOf(office.groupId()).isWorking(now),
					duty.onDuty(office.groupId(), now).size(), this.roster.skillsOf(office.groupId(), now)));
		}
		queue.forEach((task) -> desks.get(task.office()).add(task.queuedAt(), 1));
		return desks;
	}

	/** Reads the desks' queues: how many wait (up to a cap) and since when. */
	private void count(List<Desk> desks) {
		if (desks.isEmpty()) {
			return;
		}
		Map<String, Desk> byId = new HashMap<>();
		desks.forEach((desk) -> byId.put(desk.id(), desk));
		this.mapper
			.queueHeads(desks.stream()
				.map((desk) -> new DistributionMapper.QueueProbe(desk.id(),
						COUNTED_PER_OPERATOR * Math.max(desk.onDuty, 1) + 1))
				.toList())
			.stream()
			.filter((row) -> row.waiting() > 0)
			.forEach((row) -> byId.get(row.officeGroupId()).add(row.oldest(), row.waiting()));
	}

	private List<Queued> queued(List<String> offices) {
		return queuedRows(this.mapper.queued(offices));
	}

	private static List<Queued> queuedRows(List<DistributionMapper.QueuedRow> rows) {
		Map<String, Queued> tasks = new LinkedHashMap<>();
		for (DistributionMapper.QueuedRow row : rows) {
			Queued task = tasks.computeIfAbsent(row.taskId(),
					(id) -> new Queued(id, row.caseId(), row.officeGroupId(),
							(row.homeOfficeGroupId() != null) ? row.homeOfficeGroupId() : row.officeGroupId(),
							(row.movedAt() != null) ? row.movedAt() : row.createdAt(), row.movedAt(),
							EnumSet.noneOf(Skill.class)));
			if (row.need() != null) {
				task.needs().add(Skill.valueOf(row.need()));
			}
		}
		return List.copyOf(tasks.values());
	}

	private static Map<String, Integer> counts(List<DistributionMapper.OfficeCount> rows) {
		Map<String, Integer> counts = new HashMap<>();
		rows.forEach((row) -> counts.put(row.officeGroupId(), row.count()));
		return counts;
	}

}
