package org.sportello.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sportello.InTransaction;
import org.sportello.cases.CaseChanged;
import org.sportello.knowledge.ArticleUsed;
import org.sportello.reporting.FactMapper.CaseMark;
import org.sportello.reporting.FactMapper.FactKey;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Keeps the warehouse's case facts in step with the cases. Every change of a case marks
 * it, once per transaction, in that transaction (a rolled-back change leaves no mark);
 * every couple of seconds the marked cases' facts are computed again from the operational
 * tables, in batches, by one node of the cluster at a time. Computing them inside every
 * changing transaction cost opening a case nine statements (ADR 0030); the warehouse is
 * read for reports, which may be seconds behind, never for the case itself. The same
 * computation backfills, at start, the cases that have no fact (older cases, or a new
 * warehouse).
 */
@Component
class CaseFacts {

	private static final Logger log = LoggerFactory.getLogger(CaseFacts.class);

	/** Cases per transaction, for the refresh and the backfill. */
	static final int BATCH = 500;

	private final FactMapper mapper;

	private final ZoneId zone;

	private final TransactionOperations transactions;

	private final DayMarks days;

	CaseFacts(FactMapper mapper, Clock clock, TransactionOperations transactions, DayMarks days) {
		this.mapper = mapper;
		this.days = days;
		this.zone = clock.getZone();
		this.transactions = transactions;
	}

	@EventListener
	void caseChanged(CaseChanged change) {
		mark(change.caseId());
	}

	@EventListener
	void articleUsed(ArticleUsed used) {
		mark(used.caseId());
	}

	private void mark(String caseId) {
		Map<String, Boolean> marked = InTransaction.map(MARKED_IN_TRANSACTION);
		if (marked == null) {
			this.transactions.executeWithoutResult((status) -> this.mapper.markCase(caseId));
		}
		else if (marked.putIfAbsent(caseId, Boolean.TRUE) == null) {
			this.mapper.markCase(caseId);
		}
	}

	private static final Object MARKED_IN_TRANSACTION = CaseFacts.class.getName() + ".marked";

	/**
	 * Computes the facts of the marked cases again, a batch per transaction, until no
	 * mark is left; answers how many marks were taken. A batch that fails (a case whose
	 * rows cannot be read, a lock lost) is taken again one case per transaction, so one
	 * case never holds the others back.
	 */
	int refreshMarked() {
		int taken = 0;
		// an idle refresh costs one probe, without the lock
		while (!this.mapper.markedCases(1).isEmpty()) {
			List<CaseMark> batch;
			try {
				batch = this.transactions.execute((status) -> {
					this.mapper.lockFactRefresh();
					List<CaseMark> marks = this.mapper.markedCases(BATCH);
					take(marks);
					return marks;
				});
			}
			catch (RuntimeException ex) {
				log.warn("A batch of warehouse facts failed, its cases are taken one by one: {}", ex.toString());
				batch = this.mapper.markedCases(BATCH);
				batch.forEach(this::takeAlone);
			}
			taken += batch.size();
			if (batch.size() < BATCH) {
				break;
			}
		}
		return taken;
	}

	private void take(List<CaseMark> marks) {
		if (marks.isEmpty()) {
			return;
		}
		refresh(marks.stream().map(CaseMark::caseId).collect(Collectors.toCollection(TreeSet::new)));
		this.mapper.unmarkCases(marks.stream().map(CaseMark::id).toList());
	}

	private void takeAlone(CaseMark mark) {
		try {
			this.transactions.executeWithoutResult((status) -> {
				this.mapper.lockFactRefresh();
				take(List.of(mark));
			});
		}
		catch (RuntimeException ex) {
			// left marked, its batch would fail every time: its fact stays as it was
			// until the case changes again
			log.error("The warehouse fact of case {} could not be computed; its mark is dropped", mark.caseId(), ex);
			this.transactions.executeWithoutResult((status) -> this.mapper.unmarkCases(List.of(mark.id())));
		}
	}

	/**
	 * Computes the cases' facts again, in the caller's transaction, and marks their days
	 * for the sums. The cases' key rows are locked before the cases are read: a
	 * concurrent refresh of the same case (the backfill, another node) waits and then
	 * reads what the first one committed, so the last fact written is never older than
	 * the last change. A case that does not exist is left alone.
	 */
	void refresh(Collection<String> caseIds) {
		Map<String, String> keys = new HashMap<>();
		this.mapper.lockKeys(caseIds).forEach((key) -> keys.put(key.caseId(), key.caseKey()));
		List<CaseSource> sources = this.mapper.sources(caseIds);
		if (sources.isEmpty()) {
			return;
		}
		List<FactKey> created = sources.stream()
			.filter((source) -> !keys.containsKey(source.caseId()))
			.map((source) -> new FactKey(source.caseId(), UUID.randomUUID().toString()))
			.toList();
		if (!created.isEmpty()) {
			this.mapper.insertKeys(created);
			created.forEach((key) -> keys.put(key.caseId(), key.caseKey()));
		}
		List<String> factKeys = sources.stream().map((source) -> keys.get(source.caseId())).toList();
		Map<String, LocalDate> openedOn = new HashMap<>();
		List<CaseFact> facts = new ArrayList<>();
		for (CaseSource source : sources) {
			CaseFact fact = fact(keys.get(source.caseId()), source, this.zone);
			facts.add(fact);
			openedOn.put(source.caseId(), fact.openedOn());
		}
		this.mapper.deleteFacts(factKeys);
		this.mapper.insertFacts(facts);
		this.mapper.deleteLegs(factKeys);
		List<LegFact> legs = this.mapper.legSources(openedOn.keySet())
			.stream()
			.map((clock) -> leg(keys.get(clock.caseId()), openedOn.get(clock.caseId()), clock, this.zone))
			.toList();
		if (!legs.isEmpty()) {
			this.mapper.insertLegs(legs);
		}
		// each day's sums marked once: a batch of hundreds of cases of one day marked
		// many of its shard rows, and two such batches deadlocked
		new TreeSet<>(openedOn.values()).forEach(this.days::mark);
	}

	/** An office clock as a leg fact: minutes of working time, nothing about people. */
	static LegFact leg(String key, java.time.LocalDate openedOn, LegFact.Source clock, ZoneId zone) {
		boolean finished = "DONE".equals(clock.phase());
		return new LegFact(key, clock.officeGroupId(), clock.administrationCode(), openedOn,
				clock.startedAt().atZone(zone).toLocalDate(), finished,
				(clock.responseUsedMs() != null) ? Duration.ofMillis(clock.responseUsedMs()).toMinutes() : null,
				finished ? Duration.ofMillis(clock.usedMs()).toMinutes() : null, clock.breaches() > 0,
				clock.escalationLevel());
	}

	static CaseFact fact(String key, CaseSource source, ZoneId zone) {
		ZonedDateTime opened = source.createdAt().atZone(zone);
		boolean closed = source.closedAt() != null && source.status().isFinal();
		Long calendarMinutes = closed ? Duration.between(source.createdAt(), source.closedAt()).toMinutes() : null;
		Long workingMinutes = (closed && "DONE".equals(source.caseClockPhase()) && source.caseClockUsedMs() != null)
				? Duration.ofMillis(source.caseClockUsedMs()).toMinutes() : null;
		return new CaseFact(key, opened.toLocalDate(), opened.getHour(), source.channel(), source.topicCode(),
				source.openedOffice(), source.frontAdministration(), source.ownerAdministration(),
				source.status().name(), closed ? source.closedAt().atZone(zone).toLocalDate() : null,
				closed && source.forwards() == 0, source.articles() > 0, source.administrations(), source.transfers(),
				calendarMinutes, workingMinutes, source.breaches() > 0, source.escalationLevel(), source.rating(),
				source.outcomeClass(), source.topicClass(), (source.caseClockResponseMs() != null)
						? Duration.ofMillis(source.caseClockResponseMs()).toMinutes() : null);
	}

	/**
	 * Facts for the cases that have none, in batches of their own transactions; several
	 * nodes starting together take turns on the refresh's lock row and skip what another
	 * wrote.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void backfill() {
		int total = 0;
		while (true) {
			int written = this.transactions.execute((status) -> {
				this.mapper.lockFactRefresh();
				List<String> batch = this.mapper.withoutFact(BATCH);
				if (!batch.isEmpty()) {
					refresh(new TreeSet<>(batch));
				}
				return batch.size();
			});
			total += written;
			if (written < BATCH) {
				break;
			}
		}
		if (total > 0) {
			log.info("Reporting warehouse: facts written for {} earlier cases", total);
		}
	}

}
