package org.sportello.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sportello.cases.CaseChanged;
import org.sportello.knowledge.ArticleUsed;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the warehouse's case facts in step with the cases. Every change of a case marks
 * it in its transaction; just before that transaction commits, each marked case's fact is
 * computed again from the operational tables, so the warehouse never disagrees with what
 * was committed and a rolled-back change leaves no trace. The same computation backfills,
 * at start, the cases that have no fact (older cases, or a new warehouse).
 */
@Component
class CaseFacts {

	private static final Logger log = LoggerFactory.getLogger(CaseFacts.class);

	private static final int BACKFILL_BATCH = 500;

	private final FactMapper mapper;

	private final ZoneId zone;

	private final TransactionOperations transactions;

	private final DailyFigures daily;

	CaseFacts(FactMapper mapper, Clock clock, TransactionOperations transactions, DailyFigures daily) {
		this.mapper = mapper;
		this.daily = daily;
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
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			refresh(caseId);
			return;
		}
		@SuppressWarnings("unchecked")
		Set<String> marked = (Set<String>) TransactionSynchronizationManager.getResource(this);
		if (marked == null) {
			Set<String> cases = new LinkedHashSet<>();
			TransactionSynchronizationManager.bindResource(this, cases);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					// each day's sums marked once: a batch changing two hundred cases of
					// one day (an SLA sweep) locked many of its mark rows, and two such
					// batches deadlocked
					Set<LocalDate> days = new TreeSet<>();
					for (String caseId : cases) {
						factOf(caseId).ifPresent(days::add);
					}
					days.forEach(CaseFacts.this.daily::mark);
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(CaseFacts.this);
				}
			});
			marked = cases;
		}
		marked.add(caseId);
	}

	/**
	 * Computes the case's fact again, in the caller's transaction. The case's key row is
	 * locked before the case is read: a concurrent refresh of the same case (another
	 * transaction, another node) waits and then reads what the first one committed, so
	 * the last fact written is never older than the last change.
	 */
	void refresh(String caseId) {
		factOf(caseId).ifPresent(this.daily::mark);
	}

	/**
	 * Computes the case's fact again, as {@link #refresh}, without marking its day;
	 * answers the day the case was opened on, if the case exists.
	 */
	private Optional<LocalDate> factOf(String caseId) {
		String key = this.mapper.lockKey(caseId).orElseGet(() -> newKey(caseId));
		Optional<CaseSource> source = this.mapper.source(caseId);
		if (source.isEmpty()) {
			return Optional.empty();
		}
		this.mapper.deleteFact(key);
		CaseFact fact = fact(key, source.get(), this.zone);
		this.mapper.insertFact(fact);
		this.mapper.deleteLegs(key);
		for (LegFact.Source clock : this.mapper.legSources(caseId)) {
			this.mapper.insertLeg(leg(key, fact.openedOn(), clock, this.zone));
		}
		return Optional.of(fact.openedOn());
	}

	private String newKey(String caseId) {
		String created = UUID.randomUUID().toString();
		try {
			this.mapper.insertKey(caseId, created);
			return created;
		}
		catch (DuplicateKeyException ex) {
			// the backfill (or another node) gave the case its key meanwhile
			return this.mapper.lockKey(caseId).orElseThrow();
		}
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
	 * nodes starting together serialise on each case's lock and skip what another wrote.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void backfill() {
		int total = 0;
		while (true) {
			List<String> batch = this.mapper.withoutFact(BACKFILL_BATCH);
			if (batch.isEmpty()) {
				break;
			}
			// a case another node gave a fact meanwhile is refreshed once more: harmless
			this.transactions.executeWithoutResult((status) -> batch.forEach(this::refresh));
			total += batch.size();
			if (batch.size() < BACKFILL_BATCH) {
				break;
			}
		}
		if (total > 0) {
			log.info("Reporting warehouse: facts written for {} earlier cases", total);
		}
	}

}
