package org.sportello.documents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.sportello.cases.Cases;
import org.sportello.cases.FreeText;
import org.sportello.cases.TimelineEvent.EventType;
import org.sportello.directory.Directory;
import org.sportello.directory.Office;
import org.sportello.sla.BusinessCalendar;
import org.sportello.sla.Calendars;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The {@code documentRequests} bean of the BPMN models: a back office's request for
 * documents is recorded when the case starts waiting for the citizen ({@link #open}); the
 * waiting task's timers read its dates ({@link #reminderAt}, {@link #dueAt}); the
 * reminder SMS ({@link #remind}) and the "no reply" outcome ({@link #expire}) are steps
 * the designer sees in the model. The delay is in working days on the office's own
 * calendar: a request made on Friday for 5 days is due the next Friday, later when
 * holidays fall between.
 */
@Component(DocumentRequests.BEAN)
public class DocumentRequests {

	static final String BEAN = "documentRequests";

	/** Working days the citizen gets when the official does not say. */
	public static final int DEFAULT_WORKING_DAYS = 10;

	public static final int MAX_WORKING_DAYS = 60;

	/** The reminder goes on the working day before the last one, at this hour. */
	static final LocalTime REMINDER_TIME = LocalTime.of(10, 0);

	/** No reminder when the request itself is this recent (the citizen just read it). */
	static final Duration NO_REMINDER_WITHIN = Duration.ofHours(24);

	private final DocumentRequestMapper mapper;

	private final Calendars calendars;

	private final Directory directory;

	private final Cases cases;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DocumentRequests(DocumentRequestMapper mapper, Calendars calendars, Directory directory, Cases cases,
			ApplicationEventPublisher events, Clock clock) {
		this.mapper = mapper;
		this.calendars = calendars;
		this.directory = directory;
		this.cases = cases;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records the office's request from the decision's variables: {@code documents} (the
	 * kinds picked), {@code documentsWithinDays} (working days, default
	 * {@value #DEFAULT_WORKING_DAYS}) and {@code answer} (the official's message).
	 */
	public void open(DelegateExecution execution, String officeGroupId) {
		String caseId = caseId(execution);
		int days = workingDays(execution.getVariable("documentsWithinDays"));
		Instant now = this.clock.instant();
		BusinessCalendar calendar = this.calendars.calendarOf(officeGroupId);
		ZoneId zone = calendar.zone();
		LocalDate dueOn = calendar.addWorkingDays(LocalDate.ofInstant(now, zone), days);
		Instant dueAt = dueOn.plusDays(1).atStartOfDay(zone).toInstant();
		Instant remindAt = calendar.previousWorkingDay(dueOn)
			.map((day) -> day.atTime(REMINDER_TIME).atZone(zone).toInstant())
			.filter((at) -> at.isAfter(now.plus(NO_REMINDER_WITHIN)))
			.orElse(null);
		String administration = this.directory.office(officeGroupId).map(Office::administrationCode).orElse(null);
		Object message = execution.getVariable("answer");
		DocumentRequest request = new DocumentRequest(UUID.randomUUID().toString(), caseId, officeGroupId,
				administration, kinds(execution.getVariable("documents")),
				(message != null) ? FreeText.normalizeToNull(message.toString()) : null, now, days, dueOn, dueAt,
				remindAt, null, DocumentRequest.Status.OPEN, null);
		this.mapper.insert(request, String.join(",", request.documents()));
	}

	/** The due date of the office's open request: the waiting ends without a reply. */
	public Date dueAt(DelegateExecution execution, String officeGroupId) {
		return Date.from(openRequest(execution, officeGroupId).dueAt());
	}

	/**
	 * When the reminder goes; for a request too short for one, a day after its due date:
	 * the interrupting due timer ends the wait first and cancels it.
	 */
	public Date reminderAt(DelegateExecution execution, String officeGroupId) {
		DocumentRequest request = openRequest(execution, officeGroupId);
		return Date.from((request.remindAt() != null) ? request.remindAt() : request.dueAt().plus(Duration.ofDays(1)));
	}

	/** Sends the reminder once, while the request is still open. */
	public void remind(DelegateExecution execution, String officeGroupId) {
		String caseId = caseId(execution);
		this.mapper.openOf(caseId, officeGroupId)
			.map(DocumentRequestMapper.Row::toRequest)
			.filter((request) -> request.remindAt() != null)
			.filter((request) -> this.mapper.reminded(request.id(), this.clock.instant()) == 1)
			.ifPresent((request) -> {
				this.cases.internalEvent(caseId, EventType.DOCUMENTS_REMINDED, officeGroupId,
						request.dueOn().toString());
				this.events.publishEvent(new DocumentsReminderDue(caseId,
						administrationName(request.administrationCode()), request.dueOn()));
			});
	}

	/**
	 * Nothing came by the due date: the request is closed as expired, the timeline says
	 * so, and the office's task comes back with {@code documentsOutcome = NO_REPLY}.
	 */
	public void expire(DelegateExecution execution, String officeGroupId) {
		String caseId = caseId(execution);
		this.mapper.openOf(caseId, officeGroupId).map(DocumentRequestMapper.Row::toRequest).ifPresent((request) -> {
			this.mapper.close(request.id(), DocumentRequest.Status.EXPIRED, this.clock.instant());
			this.cases.documentsOverdue(caseId, officeGroupId, request.dueOn().toString());
		});
		execution.setVariable("documentsOutcome", "NO_REPLY");
	}

	/** Every request of the case, oldest first. */
	public List<DocumentRequest> ofCase(String caseId) {
		return this.mapper.ofCase(caseId).stream().map(DocumentRequestMapper.Row::toRequest).toList();
	}

	/** Every request of the case as the citizen reads it, oldest first. */
	public List<AskedDocuments> askedOf(String caseId) {
		return ofCase(caseId).stream()
			.map((request) -> new AskedDocuments(administrationName(request.administrationCode()), request.documents(),
					request.message(), request.requestedAt(), request.dueOn(), request.status()))
			.toList();
	}

	/** The requests still waiting for the citizen. */
	public List<DocumentRequest> openOf(String caseId) {
		return ofCase(caseId).stream().filter(DocumentRequest::isOpen).toList();
	}

	/** The citizen replied: every open request of the case is answered. */
	void answered(String caseId) {
		this.mapper.answerAll(caseId, this.clock.instant());
	}

	/** The administration's name for the citizen (its code when unknown). */
	public String administrationName(String administrationCode) {
		return this.directory.administrationName(administrationCode);
	}

	private DocumentRequest openRequest(DelegateExecution execution, String officeGroupId) {
		return this.mapper.openOf(caseId(execution), officeGroupId)
			.map(DocumentRequestMapper.Row::toRequest)
			.orElseThrow(() -> new IllegalStateException(
					"No open document request for office " + officeGroupId + ": the model must record it first "
							+ "(${documentRequests.open(execution, ...)}) before the waiting task"));
	}

	/** A document kind is a code of the form's list, such as {@code ISEE}. */
	public static boolean isKind(String text) {
		return text != null && text.matches("[A-Za-z0-9_-]{1,40}");
	}

	static int workingDays(Object value) {
		if (value == null || value.toString().isBlank()) {
			return DEFAULT_WORKING_DAYS;
		}
		int days = (value instanceof Number number) ? number.intValue()
				: (int) Math.round(Double.parseDouble(value.toString()));
		return Math.max(1, Math.min(MAX_WORKING_DAYS, days));
	}

	/**
	 * The kinds picked: a checklist gives a list (or, through the engine's REST API,
	 * JSON); a text field a comma-separated text. Anything but a code is dropped.
	 */
	static List<String> kinds(Object value) {
		if (value == null) {
			return List.of();
		}
		Collection<?> values = (value instanceof Collection<?> collection) ? collection
				: List.of(value.toString().replaceAll("[\\[\\]\"]", "").split(","));
		return values.stream()
			.map(String::valueOf)
			.map(String::strip)
			.filter(DocumentRequests::isKind)
			.distinct()
			.collect(Collectors.toList());
	}

	private static String caseId(DelegateExecution execution) {
		Object id = execution.getVariable("caseId");
		if (id == null) {
			throw new IllegalStateException("Document requests need the process variable caseId");
		}
		return id.toString();
	}

}
