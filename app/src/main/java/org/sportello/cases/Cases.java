package org.sportello.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sportello.cases.Participation.Role;
import org.sportello.cases.TimelineEvent.EventType;
import org.sportello.Held;
import org.sportello.InTransaction;
import org.sportello.directory.Directory;
import org.sportello.directory.Office;
import org.sportello.directory.OfficeKind;
import org.sportello.security.Roles;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The cases: opening, status, participants, timeline and who may read them. Methods that
 * the engine calls from its listeners join the engine's transaction ({@code MANDATORY}):
 * a rolled-back engine step leaves no status change and no event behind.
 */
@Service
public class Cases {

	private static final Logger log = LoggerFactory.getLogger(Cases.class);

	private final CaseMapper mapper;

	private final Directory directory;

	private final Clock clock;

	private final TrackingCodes codes = new TrackingCodes();

	private final PinHasher pins;

	private final ApplicationEventPublisher events;

	private final ErasureMapper erasure;

	private final Attachments attachments;

	Cases(CaseMapper mapper, Directory directory, Clock clock, ApplicationEventPublisher events, PinHasher pins,
			ErasureMapper erasure, Attachments attachments) {
		this.mapper = mapper;
		this.erasure = erasure;
		this.attachments = attachments;
		this.pins = pins;
		this.directory = directory;
		this.clock = clock;
		this.events = events;
	}

	public List<Topic> topics() {
		return this.mapper.topics();
	}

	/**
	 * An active topic of the catalogue. The catalogue changes only with a release (db/),
	 * and every case asks for its topic: a topic found is held for 30 s.
	 */
	public Optional<Topic> topic(String code) {
		return this.topics.get(code, this.mapper::topic).filter(Topic::active);
	}

	private final Held<String, Topic> topics = new Held<>(java.time.Duration.ofSeconds(30));

	/** Opens a case with a new tracking code and PIN; status RICEVUTA. */
	@Transactional
	public OpenedCase open(NewCase request) {
		Instant now = this.clock.instant();
		String pin = this.codes.newPin();
		for (int attempt = 0;; attempt++) {
			String id = UUID.randomUUID().toString();
			String code = this.codes.newTrackingCode();
			CaseRow row = new CaseRow(id, code, this.pins.hash(code, pin), request.channel(), request.topicCode(),
					request.description(), request.municipality(), "NORMAL", CaseStatus.RICEVUTA, request.openedBy(),
					request.openedOffice(), now, now, 0);
			try {
				this.mapper.insertCase(row);
			}
			catch (DuplicateKeyException ex) {
				// a tracking code collision is astronomically rare, but not impossible
				if (attempt < 3) {
					continue;
				}
				throw ex;
			}
			this.mapper.insertContact(id, request.contact());
			java.util.Set<org.sportello.directory.Skill> needs = java.util.EnumSet
				.noneOf(org.sportello.directory.Skill.class);
			needs.addAll(request.needs());
			org.sportello.directory.Skill.forLanguage(request.contact().language()).ifPresent(needs::add);
			needs.forEach((need) -> this.mapper.insertNeed(id, need.name()));
			Map<String, Opened> opened = InTransaction.map(OPENED_IN_TRANSACTION);
			if (opened != null) {
				opened.put(id,
						new Opened(request.contact(), java.util.Collections.unmodifiableSet(needs), Opening.of(row)));
			}
			List<String> tokens = CaseSearch.nameTokens(request.contact().name());
			if (!tokens.isEmpty()) {
				this.mapper.insertNameTokens(id, tokens, now);
			}
			addEvent(id, EventType.OPENED, CaseStatus.RICEVUTA, request.openedBy(), request.openedOffice(), null, true,
					"Canale: " + request.channel());
			this.events.publishEvent(new CaseStatusChanged(id, null, CaseStatus.RICEVUTA));
			this.events.publishEvent(new CaseOpened(id, code, pin, request.channel()));
			return new OpenedCase(id, row.trackingCode(), pin, CaseStatus.RICEVUTA);
		}
	}

	/**
	 * The front office puts the case under another topic of the catalogue (an email or
	 * SMS comes "to be classified"): the case and its reports follow, the timeline says
	 * who and from what. The same topic changes nothing.
	 */
	@Transactional
	public void reclassify(String caseId, String topicCode, String actor) {
		CaseRow row = require(caseId);
		if (row.topicCode().equals(topicCode)) {
			return;
		}
		if (topic(topicCode).isEmpty()) {
			throw new IllegalArgumentException("Unknown topic " + topicCode);
		}
		this.mapper.updateTopic(caseId, topicCode, this.clock.instant());
		openingChanged(caseId, (o) -> o.withTopic(topicCode));
		addEvent(caseId, EventType.RECLASSIFIED, null, actor, null, null, false, row.topicCode() + " → " + topicCode);
	}

	/** The process reached a flow node that carries a citizen-visible status. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void statusReached(String caseId, CaseStatus status, String stepName) {
		CaseStatus current = opening(caseId).orElseThrow(() -> new IllegalStateException("No case " + caseId)).status();
		if (current == status) {
			return;
		}
		this.mapper.updateStatus(caseId, status, this.clock.instant());
		openingChanged(caseId, (o) -> o.withStatus(status));
		addEvent(caseId, EventType.STATUS_CHANGED, status, null, null, null, true, stepName);
		// listeners (SLA clocks) run now, in this transaction
		this.events.publishEvent(new CaseStatusChanged(caseId, current, status));
	}

	/**
	 * An event on the officials' timeline only: SLA warnings and escalations (the citizen
	 * sees the status, not the office's deadlines), SMS that could not be delivered.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void internalEvent(String caseId, EventType type, String officeGroup, String detail) {
		if (type != EventType.SLA_WARNING && type != EventType.SLA_ESCALATED && type != EventType.SMS_FAILED
				&& type != EventType.DOCUMENTS_REMINDED && type != EventType.EMAIL_FAILED) {
			throw new IllegalArgumentException("not an internal event: " + type);
		}
		String administration = this.directory.office(officeGroup).map(Office::administrationCode).orElse(null);
		addEvent(caseId, type, null, null, officeGroup, administration, false, detail);
	}

	/**
	 * A waiting front-office task moved to another office of the network (overflow,
	 * after-hours, a skill, by hand): on the officials' timeline, with the reason in
	 * {@code detail}; {@code actor} only when a person moved it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void distributed(String caseId, String toOffice, String actor, String detail) {
		String administration = this.directory.office(toOffice).map(Office::administrationCode).orElse(null);
		addEvent(caseId, EventType.DISTRIBUTED, null, actor, toOffice, administration, false, detail);
	}

	/**
	 * News of a case that crossed to another installation (sent, taken with its code, its
	 * status there, a message it could not act on): {@code status} the other side's
	 * status when known; {@code citizenVisible} for what the citizen follows.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void exchanged(String caseId, String officeGroup, String administrationCode, CaseStatus status,
			boolean citizenVisible, String detail) {
		addEvent(caseId, EventType.EXCHANGED, status, null, officeGroup, administrationCode, citizenVisible, detail);
	}

	/**
	 * The documents an office asked for did not come by the due date ({@code dueOn}): the
	 * citizen sees it too.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void documentsOverdue(String caseId, String officeGroup, String dueOn) {
		String administration = this.directory.office(officeGroup).map(Office::administrationCode).orElse(null);
		addEvent(caseId, EventType.DOCUMENTS_OVERDUE, null, null, officeGroup, administration, true, dueOn);
	}

	public Optional<CaseRow> byId(String caseId) {
		return this.mapper.byId(caseId);
	}

	public Contact contactOf(String caseId) {
		Opened opened = openedHere(caseId);
		return (opened != null) ? opened.contact() : this.mapper.contact(caseId);
	}

	/**
	 * Whether the case was opened by the current transaction: no other transaction can
	 * have written anything about it yet, so what this one has not written does not exist
	 * (the opening's listeners skip their reads: SLA clocks, task rows).
	 */
	public boolean openedInThisTransaction(String caseId) {
		return openedHere(caseId) != null;
	}

	/**
	 * What the current transaction wrote when it opened the case (its contact and needs,
	 * which nothing changes in the same transaction, and its {@link Opening}), or null.
	 */
	private static Opened openedHere(String caseId) {
		Map<String, Opened> opened = InTransaction.map(OPENED_IN_TRANSACTION);
		return (opened != null) ? opened.get(caseId) : null;
	}

	private record Opened(Contact contact, java.util.Set<org.sportello.directory.Skill> needs, Opening opening) {

		Opened with(Opening changed) {
			return new Opened(this.contact, this.needs, changed);
		}

	}

	/**
	 * What listeners of a case's changes need of it; for a case the current transaction
	 * opened, kept up to date with its topic, priority and status for the rest of the
	 * transaction.
	 */
	public record Opening(String trackingCode, Channel channel, String topicCode, String priority, CaseStatus status) {

		static Opening of(CaseRow row) {
			return new Opening(row.trackingCode(), row.channel(), row.topicCode(), row.priority(), row.status());
		}

		Opening withTopic(String topic) {
			return new Opening(this.trackingCode, this.channel, topic, this.priority, this.status);
		}

		Opening withPriority(String changed) {
			return new Opening(this.trackingCode, this.channel, this.topicCode, changed, this.status);
		}

		Opening withStatus(CaseStatus changed) {
			return new Opening(this.trackingCode, this.channel, this.topicCode, this.priority, changed);
		}

	}

	/**
	 * The case's code, channel, topic, priority and status: as the current transaction
	 * opened and changed it (no read), or as stored; empty when there is no such case.
	 */
	public Optional<Opening> opening(String caseId) {
		Opened opened = openedHere(caseId);
		if (opened != null) {
			return Optional.of(opened.opening());
		}
		return this.mapper.byId(caseId).map(Opening::of);
	}

	/** A change the opening transaction makes to its own case follows in its record. */
	private static void openingChanged(String caseId, java.util.function.UnaryOperator<Opening> change) {
		Map<String, Opened> opened = InTransaction.map(OPENED_IN_TRANSACTION);
		if (opened != null) {
			opened.computeIfPresent(caseId, (id, known) -> known.with(change.apply(known.opening())));
		}
	}

	private static final Object OPENED_IN_TRANSACTION = Cases.class.getName() + ".opened";

	/**
	 * The names of the administrations working the case now (owner and joint, not those
	 * it was transferred away from), for citizens' eyes.
	 */
	public List<String> inChargeNames(String caseId) {
		return this.mapper.participations(caseId)
			.stream()
			.filter((p) -> p.role() != Role.FORMER)
			.map((p) -> this.directory.administration(p.administrationCode())
				.map((administration) -> administration.name())
				.orElse(p.administrationCode()))
			.toList();
	}

	public List<TimelineEvent> timelineOf(String caseId) {
		PendingEvents.writeNow();
		return this.mapper.timeline(caseId);
	}

	/**
	 * The case of this tracking code when the PIN is its PIN. An unknown code costs the
	 * same work as a wrong PIN (see {@link PinHasher}): the answer and its time say
	 * nothing about which codes exist.
	 */
	public Optional<CaseRow> byCodeAndPin(String trackingCode, String pin) {
		Optional<CaseRow> row = this.mapper.byTrackingCode(trackingCode);
		boolean matches = this.pins.matches(trackingCode, pin, row.map(CaseRow::pinHash).orElse(null));
		if (matches && this.pins.outdated(row.get().pinHash())) {
			this.mapper.updatePinHash(row.get().id(), this.pins.hash(trackingCode, pin));
		}
		return matches ? row : Optional.empty();
	}

	/** The most recently finished case of the citizen with this phone number. */
	public Optional<CaseRow> latestFinishedFor(String phone) {
		return this.mapper.latestFinishedFor(phone);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void prioritySet(String caseId, String priority) {
		this.mapper.updatePriority(caseId, priority, this.clock.instant());
		openingChanged(caseId, (o) -> o.withPriority(priority));
	}

	/**
	 * A task of the case is now with an office: the office's administration takes part
	 * (the first back office is the owner, the others work jointly).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void taskOffered(String caseId, String officeGroup, String taskName) {
		Optional<Office> office = this.directory.office(officeGroup);
		String administration = office.map(Office::administrationCode).orElse(null);
		if (office.isPresent() && office.get().kind() != OfficeKind.FRONT_OFFICE) {
			List<Participation> current = this.mapper.participations(caseId);
			Optional<Participation> existing = current.stream()
				.filter((p) -> p.administrationCode().equals(administration))
				.findFirst();
			boolean ownerPresent = current.stream().anyMatch((p) -> p.role() == Role.OWNER);
			Role role = ownerPresent ? Role.JOINT : Role.OWNER;
			if (existing.isEmpty()) {
				this.mapper.insertParticipation(new Participation(caseId, administration, role, this.clock.instant()));
			}
			else if (existing.get().role() == Role.FORMER) {
				this.mapper.updateParticipation(caseId, administration, role);
			}
		}
		addEvent(caseId, EventType.ASSIGNED, null, null, officeGroup, administration, false, taskName);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void taskCompleted(String caseId, String actor, String officeGroup, String taskName, String note) {
		String administration = this.directory.office(officeGroup).map(Office::administrationCode).orElse(null);
		addEvent(caseId, EventType.TASK_COMPLETED, null, actor, officeGroup, administration, false,
				(note == null || note.isBlank()) ? taskName : taskName + ": " + note);
	}

	/**
	 * An office answered: the text its official wrote goes with the case, for every
	 * office of the case to read and, for the kinds meant for the citizen, for the
	 * citizen. Blank texts are not answers.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void answered(String caseId, CaseAnswer.Kind kind, String officeGroup, String author, String text) {
		String body = FreeText.normalizeToNull(text);
		if (body == null) {
			return;
		}
		String administration = this.directory.office(officeGroup).map(Office::administrationCode).orElse(null);
		this.mapper.insertAnswer(new CaseAnswer(UUID.randomUUID().toString(), caseId, kind, officeGroup, administration,
				author, body, kind.citizenVisible(), this.clock.instant()));
	}

	/** Every answer of the case, oldest first; the caller decides who may see which. */
	public List<CaseAnswer> answersOf(String caseId) {
		return this.mapper.answers(caseId);
	}

	/**
	 * The case leaves its current administrations for another one; those keep read access
	 * as former handlers.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void transferred(String caseId, String toAdministration, String reason) {
		for (Participation participation : this.mapper.participations(caseId)) {
			if (participation.role() != Role.FORMER && !participation.administrationCode().equals(toAdministration)) {
				this.mapper.updateParticipation(caseId, participation.administrationCode(), Role.FORMER);
			}
		}
		addEvent(caseId, EventType.TRANSFERRED, null, null, null, toAdministration, true,
				"Trasferita a "
						+ this.directory.administration(toAdministration).map((a) -> a.name()).orElse(toAdministration)
						+ ((reason == null) ? "" : " - " + reason));
	}

	/** The citizen's answer to a request for information, brought by the front office. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void citizenReplied(String caseId, String actor, String note) {
		addEvent(caseId, EventType.CITIZEN_REPLIED, null, actor, null, null, true, note);
	}

	public Optional<CaseRow> byTrackingCode(String trackingCode) {
		return this.mapper.byTrackingCode(trackingCode);
	}

	/**
	 * The case as the user may see it, or empty both when it does not exist and when the
	 * user may not read it (so that the answer does not reveal which codes exist).
	 * Refusals are logged.
	 */
	@Transactional(readOnly = true)
	public Optional<CaseDetails> readAs(String trackingCode, String userId) {
		PendingEvents.writeNow();
		return readable(trackingCode, userId).map((readable) -> new CaseDetails(readable.row(),
				this.mapper.contact(readable.row().id()), readable.administrations(),
				this.mapper.timeline(readable.row().id()), this.mapper.answers(readable.row().id())));
	}

	/**
	 * The id of the case when the user may read it, without loading contact and timeline
	 * (for actions on the case); empty on the same terms as {@link #readAs}.
	 */
	@Transactional(readOnly = true)
	public Optional<String> readableCaseId(String trackingCode, String userId) {
		return readable(trackingCode, userId).map((readable) -> readable.row().id());
	}

	private Optional<Readable> readable(String trackingCode, String userId) {
		Optional<CaseRow> row = this.mapper.byTrackingCode(trackingCode);
		if (row.isEmpty()) {
			return Optional.empty();
		}
		List<Participation> administrations = this.mapper.participations(row.get().id());
		if (!mayRead(userId, administrations)) {
			log.warn("Access refused: user {} asked for case {} of administrations {}", userId, trackingCode,
					administrations.stream().map(Participation::administrationCode).toList());
			return Optional.empty();
		}
		return Optional.of(new Readable(row.get(), administrations));
	}

	private record Readable(CaseRow row, List<Participation> administrations) {
	}

	/**
	 * Front-office operators, supervisors and the hub see every case (they are the
	 * network's single point of contact); back-office officials only the cases their
	 * administration takes or took part in.
	 */
	private boolean mayRead(String userId, List<Participation> administrations) {
		Directory.Membership membership = this.directory.membershipOf(userId);
		if (readsEveryCase(membership)) {
			return true;
		}
		return membership.offices()
			.stream()
			.map(Office::administrationCode)
			.anyMatch((code) -> administrations.stream().anyMatch((p) -> p.administrationCode().equals(code)));
	}

	/**
	 * Cases the user may read that match the search, newest first: front office,
	 * supervisors, administrators and the hub search every case, back-office officials
	 * the cases their administrations take or took part in (as for reading one).
	 */
	@Transactional(readOnly = true)
	public List<CaseSummary> search(CaseSearch search, String userId, int offset, int limit) {
		return this.mapper.search(query(search, userId), offset, limit);
	}

	/** Counts stop here: "more than 1,000" says what a user needs (narrow the search). */
	public static final int COUNT_CAP = 1000;

	/**
	 * How many cases the user may read match, up to {@link #COUNT_CAP} + 1 (more than the
	 * cap means "more than {@value #COUNT_CAP}").
	 */
	@Transactional(readOnly = true)
	public int count(CaseSearch search, String userId) {
		return this.mapper.countSearch(query(search, userId), COUNT_CAP + 1);
	}

	/**
	 * The citizen's earlier cases, by the same phone or email, that the user may read.
	 */
	@Transactional(readOnly = true)
	public List<CaseSummary> earlierCases(String phone, String email, String userId) {
		List<CaseSummary> found = new ArrayList<>();
		Directory.Membership membership = this.directory.membershipOf(userId);
		for (String text : new String[] { phone, email }) {
			if (text != null && !text.isBlank()) {
				this.mapper.search(query(new CaseSearch(text, null, null, null, null, null, null), membership), 0, 10)
					.stream()
					.filter((kase) -> found.stream().noneMatch((other) -> other.id().equals(kase.id())))
					.forEach(found::add);
			}
		}
		found.sort(Comparator.comparing(CaseSummary::createdAt).reversed());
		return found;
	}

	private SearchQuery query(CaseSearch search, String userId) {
		return query(search, this.directory.membershipOf(userId));
	}

	private SearchQuery query(CaseSearch search, Directory.Membership membership) {
		List<String> administrations = readsEveryCase(membership) ? null
				: membership.offices().stream().map(Office::administrationCode).distinct().toList();
		if (administrations != null && administrations.isEmpty()) {
			administrations = List.of("-");
		}
		String text = FreeText.normalizeToNull(search.text());
		String code = null;
		String phone = null;
		String email = null;
		List<String> words = List.of();
		if (text != null && TrackingCodes.normalize(text).matches("SPT-[A-Z0-9]{4}-[A-Z0-9]{4}")) {
			code = TrackingCodes.normalize(text);
		}
		else if (text != null && text.contains("@")) {
			email = text.toLowerCase(Locale.ROOT);
		}
		else if (text != null && PhoneNumbers.isValid(text)) {
			phone = PhoneNumbers.normalize(text);
		}
		else if (text != null) {
			words = CaseSearch.nameTokens(text);
		}
		List<CaseStatus> statuses = (search.open() == null) ? null
				: Arrays.stream(CaseStatus.values()).filter((status) -> status.isFinal() != search.open()).toList();
		ZoneId zone = this.clock.getZone();
		Instant from = (search.from() != null) ? search.from().atStartOfDay(zone).toInstant() : null;
		Instant until = (search.until() != null) ? search.until().plusDays(1).atStartOfDay(zone).toInstant() : null;
		boolean exact = code != null || phone != null || email != null;
		// where the search starts (see SearchQuery): from the rarest word (counted up to
		// a
		// cap, a few milliseconds a word); an exact code, phone or email needs no driver
		// (their own indexes find a handful of cases)
		String word = (words.size() < 2) ? words.stream().findFirst().orElse(null)
				: words.stream()
					.min(Comparator.comparingInt((String w) -> this.mapper.wordRows(w, 20_000)))
					.orElse(null);
		List<String> otherWords = new ArrayList<>(words);
		otherWords.remove(word);
		String administration = search.administration();
		List<String> driving = null;
		if (!exact && word == null && administration != null) {
			driving = List.of(administration);
			administration = null;
		}
		else if (!exact && word == null && administrations != null) {
			driving = administrations;
			administrations = null;
		}
		return new SearchQuery(code, phone, email, word, otherWords, driving, search.status(), statuses, search.topic(),
				administration, from, until, administrations);
	}

	/** Name words for search, for cases opened before they were kept (once, at start). */
	@EventListener(ApplicationReadyEvent.class)
	@Transactional
	public void indexNamesOfOlderCases() {
		for (List<String> ids = this.mapper.casesWithoutNameTokens(); !ids.isEmpty(); ids = this.mapper
			.casesWithoutNameTokens()) {
			for (String id : ids) {
				List<String> tokens = CaseSearch.nameTokens(this.mapper.contact(id).name());
				// a name without letters or digits still gets a row, so it is not looked
				// at again
				(tokens.isEmpty() ? List.of("-") : tokens).forEach((token) -> this.mapper.insertNameToken(id, token));
			}
		}
	}

	/**
	 * Whether the user sees every case: front-office operators, supervisors,
	 * administrators and the hub's officials. They, and only they, open cases, so that
	 * nobody creates a case they then cannot read.
	 */
	public boolean mayReadEveryCase(String userId) {
		return readsEveryCase(this.directory.membershipOf(userId));
	}

	/** The same, for a membership the caller already read. */
	public static boolean mayReadEveryCase(Directory.Membership membership) {
		return readsEveryCase(membership);
	}

	private static boolean readsEveryCase(Directory.Membership membership) {
		List<String> roles = membership.roles();
		return roles.contains(Roles.FO) || roles.contains(Roles.SUPERVISOR) || roles.contains(Roles.ADMIN)
				|| membership.offices().stream().anyMatch((office) -> office.kind() == OfficeKind.HUB);
	}

	/** The citizen rated the finished case (Ratings keeps the rating itself). */
	@Transactional(propagation = Propagation.MANDATORY)
	void rated(String caseId, Rating.Value value) {
		addEvent(caseId, EventType.RATED, null, null, null, null, true, value.name());
	}

	private CaseRow require(String caseId) {
		return this.mapper.byId(caseId).orElseThrow(() -> new IllegalStateException("No case " + caseId));
	}

	/**
	 * Finished cases whose last change is older than {@code before} and whose personal
	 * data is still held, oldest first.
	 */
	public List<String> finishedBefore(Instant before, int limit) {
		return this.erasure.finishedBefore(before, limit);
	}

	/**
	 * Erases the case's personal data (retention): contact, description, the texts of
	 * answers, timeline and rating, attachments; {@link PersonalDataErased} lets the
	 * other features blank theirs in this transaction. False, and nothing done, when the
	 * case is already erased (by this node or another).
	 */
	@Transactional
	public boolean erasePersonalData(String caseId) {
		if (this.erasure.claim(caseId, this.clock.instant()) == 0) {
			return false;
		}
		CaseRow row = this.mapper.byId(caseId).orElseThrow();
		this.erasure.blankContact(caseId);
		this.erasure.deleteNeeds(caseId);
		this.erasure.deleteNameTokens(caseId);
		this.erasure.blankEventDetails(caseId);
		this.erasure.blankAnswers(caseId);
		this.erasure.blankRatingComment(caseId);
		this.attachments.deleteAll(caseId);
		this.events.publishEvent(new PersonalDataErased(caseId, row.trackingCode()));
		addEvent(caseId, EventType.PERSONAL_DATA_ERASED, null, null, null, null, true, null);
		return true;
	}

	/**
	 * The cases whose contact has this phone number or email, as typed (normalised as the
	 * intake stores them); empty when it is neither.
	 */
	public List<String> casesOfContact(String phoneOrEmail) {
		String text = FreeText.normalizeToNull(phoneOrEmail);
		if (text == null) {
			return List.of();
		}
		if (text.contains("@")) {
			return this.mapper.casesOfContact(null, text.toLowerCase(Locale.ROOT));
		}
		if (PhoneNumbers.isValid(text)) {
			return this.mapper.casesOfContact(PhoneNumbers.normalize(text), null);
		}
		return List.of();
	}

	/**
	 * What the citizen needs from whoever handles the case (see
	 * {@link org.sportello.directory.Skill}); read by the distribution of front-office
	 * work.
	 */
	public java.util.Set<org.sportello.directory.Skill> needs(String caseId) {
		Opened opened = openedHere(caseId);
		java.util.Set<org.sportello.directory.Skill> needs = java.util.EnumSet
			.noneOf(org.sportello.directory.Skill.class);
		if (opened != null) {
			needs.addAll(opened.needs());
			return needs;
		}
		this.mapper.needs(caseId).forEach((need) -> needs.add(org.sportello.directory.Skill.valueOf(need)));
		return needs;
	}

	/** When the case's personal data was erased, if it was. */
	public Optional<Instant> erasedAt(String caseId) {
		return this.erasure.erasedAt(caseId);
	}

	private void addEvent(String caseId, EventType type, CaseStatus status, String actor, String office,
			String administration, boolean citizenVisible, String detail) {
		TimelineEvent event = new TimelineEvent(UUID.randomUUID().toString(), caseId, this.clock.instant(), type,
				status, actor, office, administration, citizenVisible, detail);
		if (openedInThisTransaction(caseId)) {
			PendingEvents.ofTransaction(this.mapper).add(event);
		}
		else {
			this.mapper.insertEvent(event);
		}
		this.events.publishEvent(new CaseChanged(caseId));
	}

	/**
	 * The timeline events of the cases this transaction opened, written together just
	 * before it commits: one INSERT for the opening's events (opened, offered to the
	 * office, moved...) instead of one each (issue #19). Nothing else about such a case
	 * can exist, so they are numbered 1, 2... in the order they happened. A read of the
	 * timeline in the same transaction writes them first; events added after the write go
	 * straight in.
	 */
	private static final class PendingEvents implements TransactionSynchronization {

		private static final Object KEY = PendingEvents.class.getName();

		private final CaseMapper mapper;

		private final List<TimelineEvent> events = new ArrayList<>();

		private boolean written;

		private PendingEvents(CaseMapper mapper) {
			this.mapper = mapper;
		}

		/**
		 * The transaction's pending events; only asked inside a transaction (one that
		 * opened the case).
		 */
		static PendingEvents ofTransaction(CaseMapper mapper) {
			Map<Object, PendingEvents> held = InTransaction.map(KEY);
			return held.computeIfAbsent(KEY, (key) -> {
				PendingEvents fresh = new PendingEvents(mapper);
				TransactionSynchronizationManager.registerSynchronization(fresh);
				return fresh;
			});
		}

		/** Writes what waits, if this transaction has anything waiting. */
		static void writeNow() {
			Map<Object, PendingEvents> held = InTransaction.map(KEY);
			PendingEvents pending = (held != null) ? held.get(KEY) : null;
			if (pending != null) {
				pending.write();
			}
		}

		void add(TimelineEvent event) {
			if (this.written) {
				this.mapper.insertEvent(event);
			}
			else {
				this.events.add(event);
			}
		}

		void write() {
			if (!this.written && !this.events.isEmpty()) {
				Map<String, Integer> seq = new HashMap<>();
				this.mapper.insertNumberedEvents(this.events.stream()
					.map((event) -> new CaseMapper.NumberedEvent(event, seq.merge(event.caseId(), 1, Integer::sum)))
					.toList());
			}
			this.written = true;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			write();
		}

		@Override
		public int getOrder() {
			// before the listeners that run before commit, should one read the timeline
			return org.springframework.core.Ordered.HIGHEST_PRECEDENCE;
		}

	}

}
