package org.sportello.intake;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import org.sportello.cases.Attachment;
import org.sportello.cases.Attachments;
import org.sportello.cases.CaseAnswer;
import org.sportello.cases.CaseDetails;
import org.sportello.cases.NewAttachment;
import org.sportello.directory.Directory;
import org.sportello.documents.CitizenReplies;
import org.sportello.documents.DocumentRequest;
import org.sportello.documents.DocumentRequests;
import org.sportello.notify.SmsMessage;
import org.sportello.privacy.AccessLog;
import org.sportello.privacy.CaseAccess;
import org.sportello.notify.SmsOutbox;
import org.sportello.security.Roles;
import org.sportello.sla.SlaClocks;
import org.sportello.sla.SlaState;
import org.sportello.sla.SlaStatus;
import org.sportello.cases.CaseStatus;
import org.sportello.cases.Cases;
import org.sportello.cases.Classification;
import org.sportello.cases.OpenedCase;
import org.sportello.cases.TrackingCodes;
import org.sportello.cases.Participation;
import org.sportello.cases.TimelineEvent;
import org.sportello.tasklist.BackOfficeActions;
import org.sportello.tasklist.BackOfficeOutcome;

import org.springframework.http.ContentDisposition;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The case API used by the front office, by integrations and by our end-to-end checks.
 * Errors are {@code application/problem+json} ({@link ApiProblems}).
 */
@RestController
@RequestMapping("/api")
class CaseApi {

	private final IntakeService intake;

	private final Directory directory;

	private final Cases cases;

	private final Attachments attachments;

	private final IdempotentIntake idempotent;

	private final BackOfficeActions backOffice;

	private final SlaClocks sla;

	private final SmsOutbox sms;

	private final org.sportello.mail.EmailOutbox emails;

	private final CitizenReplies replies;

	private final DocumentRequests documents;

	private final AccessLog accessLog;

	private final Classification classification;

	CaseApi(IdempotentIntake idempotent, IntakeService intake, Cases cases, Attachments attachments,
			BackOfficeActions backOffice, SlaClocks sla, SmsOutbox sms, org.sportello.mail.EmailOutbox emails,
			CitizenReplies replies, DocumentRequests documents, AccessLog accessLog, Classification classification,
			Directory directory) {
		this.directory = directory;
		this.accessLog = accessLog;
		this.classification = classification;
		this.replies = replies;
		this.documents = documents;
		this.backOffice = backOffice;
		this.sla = sla;
		this.sms = sms;
		this.emails = emails;
		this.intake = intake;
		this.cases = cases;
		this.attachments = attachments;
		this.idempotent = idempotent;
	}

	/**
	 * Opens a case. With an {@code Idempotency-Key} header, repeating the request (say,
	 * after a timeout) answers the case the first one opened instead of opening another.
	 */
	@PostMapping("/cases")
	ResponseEntity<Opened> open(@Valid @RequestBody IntakeRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Principal user) {
		Directory.Membership membership = membershipOf(user);
		// a deadlock rolled the opening back whole: it is opened again
		OpenedCase opened = org.sportello.Retried.onDeadlock("Opening a case",
				() -> (idempotencyKey != null)
						? this.idempotent.open(request, user.getName(), membership, idempotencyKey)
						: this.intake.open(request, user.getName(), membership));
		return ResponseEntity.created(URI.create("/api/cases/" + opened.trackingCode()))
			.body(new Opened(opened.trackingCode(), opened.pin(), opened.status()));
	}

	@GetMapping("/cases/{trackingCode}")
	ResponseEntity<CaseView> read(@PathVariable("trackingCode") String typedCode, Principal user) {
		String trackingCode = TrackingCodes.normalize(typedCode);
		return this.cases.readAs(trackingCode, user.getName()).map((details) -> {
			this.accessLog.opened(details.row().id(), user.getName(), CaseAccess.Via.API);
			return details;
		})
			.map((details) -> CaseView.of(details,
					new Sla(this.sla.caseStatus(details.row().id()).map(SlaView::of).orElse(null),
							this.sla.officeStatuses(details.row().id()).stream().map(SlaView::of).toList()),
					this.sms.ofCase(details.row().id()).stream().map(SmsView::of).toList(),
					this.emails.ofCase(details.row().id()).stream().map(EmailView::of).toList(),
					this.documents.ofCase(details.row().id())
						.stream()
						.map((request) -> DocumentRequestView.of(request,
								this.documents.administrationName(request.administrationCode())))
						.toList()))
			.map(ResponseEntity::ok)
			.orElseThrow(() -> new CaseNotFoundException(trackingCode));
	}

	@GetMapping("/topics")
	List<TopicView> topics() {
		return this.cases.topics()
			.stream()
			.map((topic) -> new TopicView(topic.code(), topic.labelIt(), topic.labelEn(), topic.administrationCode()))
			.toList();
	}

	@PostMapping("/cases/{trackingCode}/resolve")
	ResponseEntity<CaseView> resolve(@PathVariable("trackingCode") String typedCode,
			@RequestBody(required = false) Note note, Principal user) {
		String trackingCode = TrackingCodes.normalize(typedCode);
		requireReadable(trackingCode, user);
		this.intake.resolve(trackingCode, (note != null) ? note.note() : null,
				(note != null) ? note.outcomeClass() : null, user.getName());
		return read(trackingCode, user);
	}

	@PostMapping("/cases/{trackingCode}/forward")
	ResponseEntity<CaseView> forward(@PathVariable("trackingCode") String typedCode,
			@RequestBody(required = false) Note note, Principal user) {
		String trackingCode = TrackingCodes.normalize(typedCode);
		requireReadable(trackingCode, user);
		this.intake.forward(trackingCode, (note != null) ? note.note() : null, user.getName());
		return read(trackingCode, user);
	}

	/**
	 * A back-office official's decision on the case (their own office's task). With
	 * {@code REQUEST_INFO}, {@code documents} lists the kinds asked for and
	 * {@code withinDays} the working days the citizen has. {@code fields} carries the
	 * values of the task form's other fields (as the form names them, e.g.
	 * {@code transferReason} or one a designer added), checked with the form's rules like
	 * everything else: a missing required field is a 400 naming {@code fields.<key>}.
	 */
	@PostMapping("/cases/{trackingCode}/back-office")
	ResponseEntity<CaseView> backOffice(@PathVariable("trackingCode") String typedCode, @RequestBody Decision decision,
			Principal user) {
		String trackingCode = TrackingCodes.normalize(typedCode);
		requireReadable(trackingCode, user);
		this.backOffice.decide(trackingCode, user.getName(),
				new BackOfficeActions.Decision(decision.outcome(), decision.answer(), decision.transferTo(),
						decision.documents(), decision.withinDays(), decision.fields()));
		return read(trackingCode, user);
	}

	record Decision(BackOfficeOutcome outcome, String answer, String transferTo, List<String> documents,
			Integer withinDays, java.util.Map<String, Object> fields) {
	}

	/**
	 * The citizen's answer to a request for documents or information, brought by the
	 * front office: a JSON note, or a multipart form with {@code note} and {@code file}
	 * parts (documents as attachments).
	 */
	@PostMapping(path = "/cases/{trackingCode}/citizen-reply", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CaseView> citizenReply(@PathVariable("trackingCode") String typedCode,
			@RequestBody(required = false) Note note, Principal user) {
		String trackingCode = TrackingCodes.normalize(typedCode);
		requireReadable(trackingCode, user);
		this.replies.reply(trackingCode, (note != null) ? note.note() : null, List.of(), user.getName());
		return read(trackingCode, user);
	}

	@PostMapping(path = "/cases/{trackingCode}/citizen-reply", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<CaseView> citizenReplyWithFiles(@PathVariable("trackingCode") String typedCode,
			@RequestPart(name = "note", required = false) String note,
			@RequestPart(name = "file", required = false) List<MultipartFile> files, Principal user)
			throws IOException {
		String trackingCode = TrackingCodes.normalize(typedCode);
		requireReadable(trackingCode, user);
		List<NewAttachment> attached = new java.util.ArrayList<>();
		for (MultipartFile file : (files != null) ? files : List.<MultipartFile>of()) {
			attached.add(new NewAttachment(file.getOriginalFilename(), file.getBytes()));
		}
		this.replies.reply(trackingCode, note, attached, user.getName());
		return read(trackingCode, user);
	}

	@PostMapping(path = "/cases/{trackingCode}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<AttachmentView> attach(@PathVariable("trackingCode") String typedCode,
			@RequestPart("file") MultipartFile file, Principal user) throws IOException {
		String trackingCode = TrackingCodes.normalize(typedCode);
		String caseId = requireReadable(trackingCode, user);
		Attachment attachment = this.attachments.attach(caseId, file.getOriginalFilename(), file.getBytes(),
				user.getName());
		return ResponseEntity.created(URI.create("/api/cases/" + trackingCode + "/attachments/" + attachment.id()))
			.body(AttachmentView.of(attachment));
	}

	@GetMapping("/cases/{trackingCode}/attachments")
	List<AttachmentView> attachments(@PathVariable("trackingCode") String typedCode, Principal user) {
		String trackingCode = TrackingCodes.normalize(typedCode);
		return this.attachments.ofCase(requireReadable(trackingCode, user)).stream().map(AttachmentView::of).toList();
	}

	@GetMapping("/cases/{trackingCode}/attachments/{attachmentId}")
	ResponseEntity<byte[]> download(@PathVariable("trackingCode") String typedCode, @PathVariable String attachmentId,
			Principal user) {
		String trackingCode = TrackingCodes.normalize(typedCode);
		Attachment attachment = this.attachments.find(requireReadable(trackingCode, user), attachmentId)
			.orElseThrow(() -> new CaseNotFoundException(trackingCode));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(attachment.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(attachment.fileName(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(this.attachments.content(attachment));
	}

	/**
	 * The caller's groups as the API's authentication found them (HTTP Basic: checked
	 * now, or remembered with the password for seconds), without asking the identity
	 * service again on every case opened.
	 */
	private Directory.Membership membershipOf(Principal user) {
		if (user instanceof Authentication authentication) {
			return this.directory.membershipOfGroups(Roles
				.groupIdsOf(authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList()));
		}
		return this.directory.membershipOf(user.getName());
	}

	/**
	 * The case's id when the user may read it; otherwise the same 404 as an unknown code.
	 */
	private String requireReadable(String trackingCode, Principal user) {
		return this.cases.readableCaseId(trackingCode, user.getName())
			.orElseThrow(() -> new CaseNotFoundException(trackingCode));
	}

	record AttachmentView(String id, String fileName, String contentType, long size, String uploadedBy,
			Instant uploadedAt) {

		static AttachmentView of(Attachment attachment) {
			return new AttachmentView(attachment.id(), attachment.fileName(), attachment.contentType(),
					attachment.sizeBytes(), attachment.uploadedBy(), attachment.uploadedAt());
		}

	}

	record Opened(String trackingCode, String pin, CaseStatus status) {
	}

	/**
	 * A note; on resolving, also the outcome class (a code of GET /api/outcome-classes).
	 */
	record Note(String note, String outcomeClass) {
	}

	@GetMapping("/outcome-classes")
	List<ClassView> outcomeClasses() {
		return this.classification.activeOutcomeClasses()
			.stream()
			.map((entry) -> new ClassView(entry.code(), entry.labelIt(), entry.labelEn()))
			.toList();
	}

	record ClassView(String code, String labelIt, String labelEn) {
	}

	record TopicView(String code, String labelIt, String labelEn, String administration) {
	}

	record CaseView(String trackingCode, CaseStatus status, String priority, String channel, String topic,
			String description, String municipality, Instant createdAt, Citizen citizen,
			List<Administration> administrations, List<Event> timeline, List<AnswerView> answers, Sla sla,
			List<SmsView> sms, List<EmailView> emails, List<DocumentRequestView> documentRequests) {

		static CaseView of(CaseDetails details, Sla sla, List<SmsView> sms, List<EmailView> emails,
				List<DocumentRequestView> documents) {
			var row = details.row();
			var contact = details.contact();
			return new CaseView(row.trackingCode(), row.status(), row.priority(), row.channel().name(), row.topicCode(),
					row.description(), row.municipality(), row.createdAt(),
					new Citizen(contact.name(), contact.phone(), contact.email(), contact.smsConsent(),
							contact.language()),
					details.administrations().stream().map(Administration::of).toList(),
					details.timeline().stream().map(Event::of).toList(),
					details.answers().stream().map(AnswerView::of).toList(), sla, sms, emails, documents);
		}

	}

	/**
	 * What an office answered, by whom and when; {@code citizenVisible} says whether the
	 * citizen reads it too.
	 */
	record AnswerView(CaseAnswer.Kind kind, String office, String administration, String author, String text,
			boolean citizenVisible, Instant at) {

		static AnswerView of(CaseAnswer answer) {
			return new AnswerView(answer.kind(), answer.officeGroupId(), answer.administrationCode(), answer.author(),
					answer.body(), answer.citizenVisible(), answer.createdAt());
		}

	}

	/**
	 * A request for documents: what, by which office, due by the end of {@code dueOn}
	 * (Europe/Rome), and whether it is still open.
	 */
	record DocumentRequestView(String office, String administration, String administrationName, List<String> documents,
			String message, Instant requestedAt, int workingDays, java.time.LocalDate dueOn, Instant dueAt,
			DocumentRequest.Status status, Instant closedAt) {

		static DocumentRequestView of(DocumentRequest request, String administrationName) {
			return new DocumentRequestView(request.officeGroupId(), request.administrationCode(), administrationName,
					request.documents(), request.message(), request.requestedAt(), request.workingDays(),
					request.dueOn(), request.dueAt(), request.status(), request.closedAt());
		}

	}

	/** A status SMS to the citizen and how far it got (Twilio's delivery receipts). */
	record SmsView(CaseStatus caseStatus, String status, String body, Instant createdAt, Instant sentAt, int attempts,
			String error) {

		static SmsView of(SmsMessage message) {
			return new SmsView(message.caseStatus(), message.status().name(), message.body(), message.createdAt(),
					message.sentAt(), message.attempts(), message.lastError());
		}

	}

	/**
	 * An email to the citizen: what kind (ACKNOWLEDGEMENT or a status), its subject, how
	 * it went. The text is the case's business, not the API's; an acknowledgement's PIN
	 * never shows.
	 */
	record EmailView(String kind, String status, String subject, Instant createdAt, Instant sentAt, int attempts,
			String error) {

		static EmailView of(org.sportello.mail.EmailMessage message) {
			return new EmailView(message.kind(), message.status().name(), message.subject(), message.createdAt(),
					message.sentAt(), message.attempts(), message.lastError());
		}

	}

	/** The case's SLA ({@code null} before its clock starts) and each office's. */
	record Sla(SlaView overall, List<SlaView> offices) {
	}

	/** Working time in minutes; {@code breachAt} only while the clock runs. */
	record SlaView(String office, String administration, SlaState state, long usedMinutes, long leftMinutes,
			long targetMinutes, Instant breachAt, int escalationLevel, Boolean responded, boolean responseLate) {

		static SlaView of(SlaStatus status) {
			return new SlaView(status.officeGroupId(), status.administrationCode(), status.state(),
					status.used().toMinutes(), status.left().toMinutes(), status.target().toMinutes(),
					status.breachAt(), status.escalationLevel(), status.responded(), status.responseLate());
		}

	}

	record Citizen(String name, String phone, String email, boolean smsConsent, String language) {
	}

	record Administration(String code, Participation.Role role) {

		static Administration of(Participation participation) {
			return new Administration(participation.administrationCode(), participation.role());
		}

	}

	record Event(Instant at, TimelineEvent.EventType type, CaseStatus status, String actor, String office,
			String administration, boolean citizenVisible, String detail) {

		static Event of(TimelineEvent event) {
			return new Event(event.occurredAt(), event.eventType(), event.status(), event.actor(), event.office(),
					event.administrationCode(), event.citizenVisible(), event.detail());
		}

	}

}
