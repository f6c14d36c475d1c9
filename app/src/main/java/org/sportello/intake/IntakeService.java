package org.sportello.intake;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.sportello.cases.Attachments;
import org.sportello.cases.Cases;
import org.sportello.cases.Classification;
import org.sportello.cases.Contact;
import org.sportello.cases.FreeText;
import org.sportello.cases.NewAttachment;
import org.sportello.cases.NewCase;
import org.sportello.cases.OpenedCase;
import org.sportello.cases.PhoneNumbers;
import org.sportello.directory.Directory;
import org.sportello.directory.Office;
import org.sportello.directory.OfficeKind;
import org.sportello.engine.LatestDefinitions;
import org.sportello.security.Roles;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens cases from any channel and lets the front office close or forward them. Opening
 * the case and starting its process are one transaction: there is never a case without a
 * process.
 */
@Service
public class IntakeService {

	static final String PROCESS_KEY = "citizenRequest";

	static final String TRIAGE_TASK = "frontOfficeTriage";

	/** Message of the BPMN receive task "Attesa integrazione dal cittadino". */

	private final Cases cases;

	private final Directory directory;

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final LatestDefinitions latest;

	private final Attachments attachments;

	private final Classification classification;

	IntakeService(Cases cases, Directory directory, RuntimeService runtimeService, TaskService taskService,
			LatestDefinitions latest, Attachments attachments, Classification classification) {
		this.classification = classification;
		this.attachments = attachments;
		this.latest = latest;
		this.cases = cases;
		this.directory = directory;
		this.runtimeService = runtimeService;
		this.taskService = taskService;
	}

	@Transactional
	public OpenedCase open(IntakeRequest request, String userId) {
		return open(request, userId, List.of());
	}

	/** Opens the case with its attachments: all of it is stored, or nothing. */
	@Transactional
	public OpenedCase open(IntakeRequest request, String userId, List<NewAttachment> files) {
		// one read of the user's groups for both questions
		return open(request, userId, this.directory.membershipOf(userId), files);
	}

	/**
	 * Opens the case for a user whose groups the caller already knows (the API's
	 * authentication carries them).
	 */
	@Transactional
	public OpenedCase open(IntakeRequest request, String userId, Directory.Membership membership) {
		return open(request, userId, membership, List.of());
	}

	private OpenedCase open(IntakeRequest request, String userId, Directory.Membership membership,
			List<NewAttachment> files) {
		if (!Cases.mayReadEveryCase(membership)) {
			throw new OpeningRefusedException(userId);
		}
		if (this.cases.topic(request.topic()).isEmpty()) {
			throw new InvalidRequestException("topic", "unknown-topic");
		}
		String frontOffice = membership.offices()
			.stream()
			.filter((office) -> office.kind() == OfficeKind.FRONT_OFFICE)
			.map(Office::groupId)
			.findFirst()
			.orElse(null);
		return start(request, userId, frontOffice, files, Map.of());
	}

	private OpenedCase start(IntakeRequest request, String userId, String frontOffice, List<NewAttachment> files,
			Map<String, Object> extraVariables) {
		IntakeRequest.Citizen citizen = request.citizen();
		if (citizen.smsConsent() && (citizen.phone() == null || citizen.phone().isBlank())) {
			throw new InvalidRequestException("citizen.phone", "phone-required-for-sms");
		}
		if (citizen.smsConsent() && !PhoneNumbers.receivesSms(citizen.phone())) {
			throw new InvalidRequestException("citizen.phone", "mobile-required-for-sms");
		}
		Contact contact = new Contact(citizen.name(), blankToNull(citizen.phone()), blankToNull(citizen.email()),
				citizen.smsConsent(), (citizen.language() == null) ? "it" : citizen.language());
		Set<IntakeRequest.PriorityFlag> flags = (request.priorityFlags() == null) ? Set.of() : request.priorityFlags();
		Set<org.sportello.directory.Skill> needs = new java.util.HashSet<>(request.needs());
		if (flags.contains(IntakeRequest.PriorityFlag.DISABILITY)) {
			needs.add(org.sportello.directory.Skill.DISABILITY_ASSISTANCE);
		}
		OpenedCase opened = this.cases.open(new NewCase(request.channel(), request.topic(), request.description(),
				request.municipality(), contact, userId, frontOffice, needs));
		Map<String, Object> variables = new HashMap<>();
		variables.put("caseId", opened.caseId());
		variables.put("topic", request.topic());
		variables.put("channel", request.channel().name());
		variables.put("municipality", blankToNull(request.municipality()));
		variables.put("urgent", flags.contains(IntakeRequest.PriorityFlag.URGENT));
		variables.put("disability", flags.contains(IntakeRequest.PriorityFlag.DISABILITY));
		// the operator's own front office triages; operators without one share the role
		// group
		variables.put("frontOfficeGroup", (frontOffice != null) ? frontOffice : Roles.FO);
		// the case keeps the decision rules in force now, even if a designer deploys new
		// ones
		variables.put("routingVersion", latestVersion("routing"));
		variables.put("priorityVersion", latestVersion("priority"));
		variables.putAll(extraVariables);
		for (NewAttachment file : files) {
			this.attachments.attach(opened.caseId(), file.fileName(), file.content(), userId);
		}
		this.runtimeService.startProcessInstanceById(this.latest.process(PROCESS_KEY).id(), opened.trackingCode(),
				variables);
		return opened;
	}

	/**
	 * A case the citizen opened without an operator ({@link SelfIntake}): no operator's
	 * office, so it waits in {@code frontOffice}'s queue, or the shared front-office role
	 * group's when null.
	 */
	@Transactional
	OpenedCase receive(IntakeRequest request, List<NewAttachment> files, String openedBy, String frontOffice) {
		if (this.cases.topic(request.topic()).isEmpty()) {
			throw new InvalidRequestException("topic", "unknown-topic");
		}
		return start(request, openedBy, frontOffice, files, Map.of());
	}

	/**
	 * A case another installation sends for one of our administrations: no triage here
	 * (the sender's front office did it); the process routes it straight to the
	 * administration's back offices ({@code exchangeTarget} in
	 * processes/citizen-request.bpmn). The request's topic must be in our catalogue.
	 * @param openedBy who sent it ("peer:&lt;id&gt;")
	 */
	@Transactional
	public OpenedCase receiveFromPeer(IntakeRequest request, List<NewAttachment> files, String openedBy,
			String administrationCode) {
		if (this.cases.topic(request.topic()).isEmpty()) {
			throw new InvalidRequestException("topic", "unknown-topic");
		}
		if (this.directory.administration(administrationCode).isEmpty()) {
			throw new InvalidRequestException("administration", "unknown-administration");
		}
		return start(request, openedBy, null, files, Map.of("exchangeTarget", administrationCode));
	}

	/** The front office answers the citizen on the spot: the case ends as RISOLTA. */
	@Transactional
	public void resolve(String trackingCode, String note, String userId) {
		resolve(trackingCode, note, null, userId);
	}

	/**
	 * Resolved on the spot with an outcome class of the shared list
	 * ({@link Classification}); null leaves the case unclassified.
	 */
	@Transactional
	public void resolve(String trackingCode, String note, String outcomeClass, String userId) {
		if (outcomeClass != null && !this.classification.isActiveOutcome(outcomeClass)) {
			throw new InvalidRequestException("outcomeClass", "invalid-outcome-class");
		}
		completeTriage(trackingCode, "RESOLVE", note, userId);
		if (outcomeClass != null) {
			this.classification.recordOutcome(this.cases.byTrackingCode(trackingCode).orElseThrow().id(), outcomeClass);
		}
	}

	/**
	 * The front office passes the case to the back offices chosen by
	 * decisions/routing.dmn.
	 */
	@Transactional
	public void forward(String trackingCode, String note, String userId) {
		completeTriage(trackingCode, "FORWARD", note, userId);
	}

	/** A note of 5 to 2000 characters, kept as written ({@link FreeText}). */
	private static String requireNote(String note) {
		String text = FreeText.normalize(note);
		if (!FreeText.fits(text, 5, 2000)) {
			throw new InvalidRequestException("note", "invalid-note");
		}
		return text;
	}

	private void completeTriage(String trackingCode, String outcome, String note, String userId) {
		String text = requireNote(note);
		Task triage = triageTask(trackingCode).orElseThrow(() -> new TriageNotOpenException(trackingCode));
		if (triage.getAssignee() == null) {
			this.taskService.claim(triage.getId(), userId);
		}
		else if (!triage.getAssignee().equals(userId)) {
			throw new TriageNotOpenException(trackingCode);
		}
		this.taskService.complete(triage.getId(), Map.of("triageOutcome", outcome, "resolutionNote", text));
	}

	private Optional<Task> triageTask(String trackingCode) {
		List<Task> tasks = this.taskService.createTaskQuery()
			.processInstanceBusinessKey(trackingCode)
			.taskDefinitionKey(TRIAGE_TASK)
			.list();
		return tasks.stream().findFirst();
	}

	private int latestVersion(String decisionKey) {
		return this.latest.decision(decisionKey).version();
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
