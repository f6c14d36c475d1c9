package org.sportello.tasklist.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.sportello.cases.Attachment;
import org.sportello.cases.AttachmentRejectedException;
import org.sportello.cases.Attachments;
import org.sportello.cases.CaseAnswer;
import org.sportello.cases.CaseDetails;
import org.sportello.cases.Cases;
import org.sportello.cases.Ratings;
import org.sportello.cases.TimelineEvent;
import org.sportello.documents.CitizenReplies;
import org.sportello.documents.DocumentRequest;
import org.sportello.documents.DocumentRequests;
import org.sportello.documents.DocumentRequestList;
import org.sportello.documents.ReplyForm;
import org.sportello.directory.Directory;
import org.sportello.directory.Office;
import org.sportello.privacy.AccessLog;
import org.sportello.privacy.CaseAccess;
import org.sportello.security.Roles;
import org.sportello.sla.SlaClocks;
import org.sportello.sla.SlaNotice;
import org.sportello.tasklist.CaseNote;
import org.sportello.tasklist.FormRejectedException;
import org.sportello.tasklist.TaskActions;
import org.sportello.web.BpmnViewer;
import org.sportello.web.UploadTexts;

/**
 * The case as officials see it: status, SLA, citizen contact and consent,
 * administrations, open tasks, the BPMN diagram with the current steps highlighted, the
 * timeline, internal notes and attachments. A case the official may not read gets the
 * same "not found" as an unknown code (and the refusal is logged).
 */
@Route("cases/:trackingCode")
@RolesAllowed({ Roles.BO, Roles.FO, Roles.SUPERVISOR, Roles.ADMIN })
public class CaseView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

	private final transient Cases cases;

	private final transient org.sportello.engine.StepNames steps;

	private final transient SlaClocks sla;

	private final transient TaskActions actions;

	private final transient Attachments attachments;

	private final transient Directory directory;

	private final transient RuntimeService runtime;

	private final transient RepositoryService repository;

	private final transient DocumentRequests documents;

	private final transient CitizenReplies replies;

	private final transient org.sportello.knowledge.KnowledgeBase knowledge;

	private final transient AccessLog accessLog;

	private final transient Ratings ratings;

	private final String user;

	private final transient org.sportello.mail.EmailOutbox emails;

	/** Supervisors and administrators see who opened the case. */
	private final boolean seesAccessLog;

	private String title = "";

	CaseView(Cases cases, SlaClocks sla, TaskActions actions, Attachments attachments, Directory directory,
			RuntimeService runtime, RepositoryService repository, DocumentRequests documents, CitizenReplies replies,
			AuthenticationContext authentication, org.sportello.knowledge.KnowledgeBase knowledge, AccessLog accessLog,
			Ratings ratings, org.sportello.mail.EmailOutbox emails, org.sportello.engine.StepNames steps) {
		this.steps = steps;
		this.emails = emails;
		this.knowledge = knowledge;
		this.accessLog = accessLog;
		this.ratings = ratings;
		this.seesAccessLog = authentication.hasAnyRole(Roles.SUPERVISOR, Roles.ADMIN);
		this.documents = documents;
		this.replies = replies;
		this.cases = cases;
		this.sla = sla;
		this.actions = actions;
		this.attachments = attachments;
		this.directory = directory;
		this.runtime = runtime;
		this.repository = repository;
		this.user = authentication.getPrincipalName().orElseThrow();
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		String code = event.getRouteParameters().get("trackingCode").orElse("");
		removeAll();
		CaseDetails details = this.cases.readAs(code, this.user).orElse(null);
		if (details == null) {
			H2 missing = new H2(getTranslation("case.not-found"));
			missing.setId("case-not-found");
			add(missing, new Anchor("tasks", getTranslation("task.back")));
			return;
		}
		this.title = details.row().trackingCode();
		this.accessLog.opened(details.row().id(), this.user, CaseAccess.Via.UI);
		show(details);
	}

	private void show(CaseDetails details) {
		var row = details.row();
		var contact = details.contact();
		DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
			.withLocale(getLocale())
			.withZone(ZoneId.of("Europe/Rome"));
		H2 title = new H2(getTranslation("case.title", row.trackingCode()));
		Paragraph status = new Paragraph(getTranslation("status." + row.status().name()));
		status.setId("case-status");
		HorizontalLayout header = new HorizontalLayout(status);
		this.sla.caseStatus(row.id())
			.ifPresent((s) -> header.add(SlaBadge.of(s.state(), s.left(), this::getTranslation)));
		header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		String administrations = details.administrations()
			.stream()
			.map((p) -> this.directory.administrationName(p.administrationCode()) + " ("
					+ getTranslation("case.role." + p.role().name()) + ")")
			.collect(Collectors.joining(", "));
		add(title, header);
		this.cases.erasedAt(row.id()).ifPresentOrElse((erased) -> {
			Paragraph notice = new Paragraph(getTranslation("case.erased", when.format(erased)));
			notice.setId("case-erased");
			add(notice);
		}, () -> add(new Paragraph(row.description()), new Paragraph(getTranslation("case.citizen", contact.name(),
				(contact.phone() != null) ? contact.phone() : "-", (contact.email() != null) ? contact.email() : "-",
				getTranslation(contact.smsConsent() ? "case.consent.yes" : "case.consent.no")))));
		add(new Paragraph(getTranslation("case.administrations", administrations.isEmpty() ? "-" : administrations)));
		rating(row.id());
		add(new H3(getTranslation("case.tasks")));
		UnorderedList tasks = new UnorderedList();
		tasks.setId("case-tasks");
		// each open task with the office that holds it and who works it
		this.actions.tasksOf(row.id()).forEach((task) -> {
			String office = this.actions.officeOf(task.getId())
				.map((group) -> this.directory.office(group).map(Office::name).orElse(group))
				.orElse("-");
			tasks.add(new ListItem(new Anchor("tasks/" + task.getId(),
					getTranslation("case.task", this.steps.of(task.getName(), getLocale()), office,
							(task.getAssignee() != null) ? task.getAssignee() : getTranslation("case.task-free")))));
		});
		if (tasks.getChildren().findAny().isEmpty()) {
			tasks.add(new ListItem(getTranslation("case.no-tasks")));
		}
		add(tasks);
		officeSla(row.id());
		answers(details, when);
		documentRequests(details);
		diagram(row.trackingCode());
		add(new H3(getTranslation("case.timeline")));
		Grid<TimelineEvent> timeline = new Grid<>();
		timeline.setId("case-timeline");
		timeline.addColumn((e) -> when.format(e.occurredAt()))
			.setHeader(getTranslation("case.when"))
			.setAutoWidth(true);
		timeline.addColumn((e) -> getTranslation("event." + e.eventType().name()))
			.setHeader(getTranslation("case.event"))
			.setAutoWidth(true);
		timeline.addColumn((e) -> (e.status() != null) ? getTranslation("status." + e.status().name()) : "")
			.setHeader(getTranslation("case.status"))
			.setAutoWidth(true);
		timeline.addColumn(this::who).setHeader(getTranslation("case.who")).setAutoWidth(true);
		timeline.addColumn((e) -> detail(e, row.channel().name()))
			.setHeader(getTranslation("case.detail"))
			.setFlexGrow(1);
		timeline.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
		timeline.setItems(details.timeline());
		timeline.setAllRowsVisible(true);
		add(timeline);
		notes(row.id(), when);
		attachmentsOf(row.id());
		emailsOf(row.id(), when);
		if (this.seesAccessLog) {
			accesses(row.id(), when);
		}
	}

	/** The citizen's rating and what they wrote with it, once they rated. */
	private void rating(String caseId) {
		this.ratings.of(caseId).ifPresent((rating) -> {
			String text = getTranslation("case.rating", getTranslation("track.rating." + rating.rating().name()));
			if (rating.comment() != null && !rating.comment().isBlank()) {
				text = text + " " + getTranslation("case.rating-comment", rating.comment());
			}
			Paragraph paragraph = new Paragraph(text);
			paragraph.setId("case-rating");
			add(paragraph);
		});
	}

	/** Who opened this case, newest first (GDPR: who saw the citizen's data). */
	private void accesses(String caseId, DateTimeFormatter when) {
		H3 heading = new H3(getTranslation("case.accesses", this.accessLog.countOfCase(caseId)));
		heading.setId("case-accesses-heading");
		Grid<CaseAccess> grid = new Grid<>();
		grid.setId("case-accesses");
		grid.getElement().setAttribute("aria-labelledby", "case-accesses-heading");
		grid.addColumn((a) -> when.format(a.accessedAt())).setHeader(getTranslation("case.when")).setAutoWidth(true);
		grid.addColumn(CaseAccess::userId).setHeader(getTranslation("case.who")).setAutoWidth(true);
		grid.addColumn((a) -> getTranslation("case.access-via." + a.via().name()))
			.setHeader(getTranslation("case.access-via"))
			.setFlexGrow(1);
		grid.addThemeVariants(GridVariant.LUMO_COMPACT);
		grid.setItems(this.accessLog.ofCase(caseId));
		grid.setAllRowsVisible(true);
		add(heading, grid);
	}

	/** The official, or the office by its name (never a group id). */
	private String who(TimelineEvent event) {
		if (event.actor() != null) {
			return event.actor();
		}
		return (event.office() == null) ? ""
				: this.directory.office(event.office()).map(Office::name).orElse(event.office());
	}

	/**
	 * In the user's language where we wrote it; the process's steps in the language the
	 * designer named them in ({@code StepNames}).
	 */
	private String detail(TimelineEvent event, String channel) {
		return switch (event.eventType()) {
			case OPENED -> getTranslation("case.opened-by-channel", getTranslation("channel." + channel));
			case TRANSFERRED -> getTranslation("case.transferred-to", (event.administrationCode() == null) ? "-"
					: this.directory.administrationName(event.administrationCode()));
			// the rating's value (POSITIVE...), in the reader's language
			case RATED -> (event.detail() != null) ? getTranslation("track.rating." + event.detail()) : "";
			case DISTRIBUTED -> distribution(event);
			case SLA_WARNING, SLA_ESCALATED -> SlaNotice.describe(event.detail(), this::getTranslation,
					(group) -> this.directory.office(group).map(Office::name).orElse(group));
			// the process's step names, in the reader's language when the designer gave
			// it
			case STATUS_CHANGED, ASSIGNED, TASK_COMPLETED ->
				(event.detail() != null) ? this.steps.ofDetail(event.detail(), getLocale()) : "";
			default -> (event.detail() != null) ? event.detail() : "";
		};
	}

	/**
	 * Why the task moved (reason | from office | waiting there | operators on duty |
	 * oldest wait in minutes | needs), in the reader's language.
	 */
	private String distribution(TimelineEvent event) {
		String[] parts = (event.detail() == null) ? new String[0] : event.detail().split("\\|", -1);
		if (parts.length < 6) {
			return "";
		}
		String from = this.directory.office(parts[1]).map(Office::name).orElse(parts[1]);
		String to = (event.office() == null) ? ""
				: this.directory.office(event.office()).map(Office::name).orElse(event.office());
		String needs = parts[5].isEmpty() ? "-"
				: java.util.Arrays.stream(parts[5].split(","))
					.map((need) -> getTranslation("skill." + need))
					.collect(java.util.stream.Collectors.joining(", "));
		return getTranslation("distribution.reason." + parts[0], from, parts[2], parts[3], parts[4], needs, to);
	}

	/** Each office's SLA on the case: state, time left or used, escalation level. */
	private void officeSla(String caseId) {
		var statuses = this.sla.officeStatuses(caseId);
		if (statuses.isEmpty()) {
			return;
		}
		add(new H3(getTranslation("case.office-sla")));
		UnorderedList list = new UnorderedList();
		list.setId("case-office-sla");
		for (var status : statuses) {
			String office = this.directory.office(status.officeGroupId())
				.map(Office::name)
				.orElse(status.officeGroupId());
			ListItem item = new ListItem(new Span(office + ": "),
					SlaBadge.of(status.state(), status.left(), this::getTranslation));
			if (status.escalationLevel() > 0) {
				item.add(new Span(" " + getTranslation("case.escalation-level", status.escalationLevel())));
			}
			list.add(item);
		}
		add(list);
	}

	/**
	 * "Proponi come FAQ": the office's answer becomes a draft article of its
	 * administration for the editors, without the citizen's personal data.
	 */
	private Div proposeAsFaq(CaseDetails details, CaseAnswer answer) {
		Span done = new Span();
		done.addClassName("propose-faq-done");
		done.getElement().setAttribute("role", "status");
		Button propose = new Button(getTranslation("case.propose-faq"), (click) -> {
			String topic = details.row().topicCode();
			String label = this.cases.topics()
				.stream()
				.filter((t) -> t.code().equals(topic))
				.map((t) -> t.labelIt())
				.findFirst()
				.orElse(topic);
			java.util.List<String> personal = new java.util.ArrayList<>();
			if (details.contact() != null) {
				personal.addAll(java.util.Arrays.asList(details.contact().name().split("\\s+")));
			}
			this.knowledge.propose(answer.administrationCode(), topic, label, answer.body(), personal, this.user);
			click.getSource().setEnabled(false);
			done.setText(getTranslation("case.propose-faq-done"));
		});
		propose.setId("propose-faq-" + answer.id());
		propose.addClassName("propose-faq");
		propose.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_SMALL);
		return new Div(propose, done);
	}

	/**
	 * What each office answered: every office of the case reads all of it (a joint case's
	 * Comune reads what the Regione answered), marked by whether the citizen sees it too.
	 */
	private void answers(CaseDetails details, DateTimeFormatter when) {
		add(new H3(getTranslation("case.answers")));
		Div answers = new Div();
		answers.setId("case-answers");
		java.util.Set<String> ownAdministrations = this.directory.officesOf(this.user)
			.stream()
			.map(org.sportello.directory.Office::administrationCode)
			.collect(java.util.stream.Collectors.toSet());
		for (CaseAnswer answer : details.answers()) {
			String administration = (answer.administrationCode() != null)
					? this.directory.administrationName(answer.administrationCode()) : "-";
			Paragraph heading = new Paragraph(getTranslation("case.answer.heading",
					getTranslation("answer.kind." + answer.kind().name()), administration,
					(answer.author() != null) ? answer.author() : "-", when.format(answer.createdAt())) + " · "
					+ getTranslation(answer.citizenVisible() ? "case.answer.citizen" : "case.answer.internal"));
			heading.getStyle().set("font-weight", "600").set("margin-bottom", "0");
			Paragraph text = new Paragraph(answer.body());
			text.getStyle().set("white-space", "pre-line").set("margin-top", "0.25em");
			answers.add(heading, text);
			if (answer.kind() == CaseAnswer.Kind.ANSWER && ownAdministrations.contains(answer.administrationCode())) {
				answers.add(proposeAsFaq(details, answer));
			}
		}
		if (details.answers().isEmpty()) {
			answers.add(new Paragraph(getTranslation("case.no-answers")));
		}
		add(answers);
	}

	/**
	 * What the offices asked the citizen for and by when; while the case waits, the front
	 * office records the citizen's reply here (documents brought to the counter, sent by
	 * post or email).
	 */
	private void documentRequests(CaseDetails details) {
		List<DocumentRequest> requests = this.documents.ofCase(details.row().id());
		if (requests.isEmpty()) {
			return;
		}
		add(new H3(getTranslation("documents.title")),
				new DocumentRequestList("case-document-requests", this.documents.askedOf(details.row().id())));
		if (this.cases.mayReadEveryCase(this.user) && this.replies.isWaiting(details.row().trackingCode())) {
			add(new Paragraph(getTranslation("documents.reply.fo-intro")),
					new ReplyForm("case-reply", this.attachments, (message, files) -> {
						this.replies.reply(details.row(), message, files, this.user);
						getUI().ifPresent((ui) -> ui.getPage().reload());
						return true;
					}));
		}
	}

	/** 740 B, 12 kB, 3,4 MB: in the user's language, never "0 kB". */
	private String size(long bytes) {
		java.text.NumberFormat number = java.text.NumberFormat.getNumberInstance(getLocale());
		number.setMaximumFractionDigits(1);
		if (bytes < 1024) {
			return bytes + " B";
		}
		if (bytes < 1024 * 1024) {
			return number.format(bytes / 1024.0) + " kB";
		}
		return number.format(bytes / (1024.0 * 1024.0)) + " MB";
	}

	private void diagram(String trackingCode) {
		ProcessInstance instance = this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(trackingCode)
			.singleResult();
		if (instance == null) {
			return;
		}
		BpmnViewer viewer = new BpmnViewer();
		viewer.setId("case-diagram");
		try (var in = this.repository.getProcessModel(instance.getProcessDefinitionId())) {
			viewer.setXml(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (java.io.IOException ex) {
			return;
		}
		viewer.setHighlighted(this.runtime.getActiveActivityIds(instance.getId()));
		viewer.setHeight("360px");
		add(new H3(getTranslation("case.diagram")), viewer);
	}

	private void notes(String caseId, DateTimeFormatter when) {
		add(new H3(getTranslation("case.notes")));
		UnorderedList list = new UnorderedList();
		list.setId("case-notes");
		Runnable fill = () -> {
			list.removeAll();
			for (CaseNote note : this.actions.notes(caseId)) {
				list.add(new ListItem(when.format(note.createdAt()) + " - " + note.author() + ": " + note.body()));
			}
		};
		fill.run();
		TextArea text = new TextArea(getTranslation("case.note"));
		text.setId("note-text");
		text.setMaxLength(4000);
		text.setWidthFull();
		text.setHelperText(getTranslation("case.note-help"));
		Button add = new Button(getTranslation("case.add-note"), (click) -> {
			try {
				this.actions.addNote(caseId, this.user, text.getValue());
				text.clear();
				text.setInvalid(false);
				fill.run();
			}
			catch (FormRejectedException ex) {
				text.setErrorMessage(getTranslation("case.note-invalid"));
				text.setInvalid(true);
			}
		});
		add.setId("add-note");
		add(list, text, add);
	}

	/**
	 * What the citizen was sent by email and how it went: the subject, never the text (an
	 * acknowledgement holds the PIN).
	 */
	private void emailsOf(String caseId, DateTimeFormatter when) {
		List<org.sportello.mail.EmailMessage> emails = this.emails.ofCase(caseId);
		if (emails.isEmpty()) {
			return;
		}
		add(new H3(getTranslation("case.emails")));
		UnorderedList list = new UnorderedList();
		list.setId("case-emails");
		for (org.sportello.mail.EmailMessage email : emails) {
			String line = getTranslation("case.email", when.format(email.createdAt()), email.subject(),
					getTranslation("email.status." + email.status().name()));
			list.add(new ListItem((email.lastError() != null) ? line + " — " + email.lastError() : line));
		}
		add(list);
	}

	private void attachmentsOf(String caseId) {
		add(new H3(getTranslation("case.attachments")));
		UnorderedList list = new UnorderedList();
		list.setId("case-attachments");
		fillAttachments(caseId, list);
		Span error = new Span();
		error.setId("case-upload-error");
		error.getElement().setAttribute("role", "alert");
		error.getStyle().set("color", "var(--lumo-error-text-color)");
		Upload upload = new Upload();
		upload.setId("case-upload");
		upload.setAcceptedFileTypes("application/pdf", ".pdf", "image/png", ".png", "image/jpeg", ".jpg", ".jpeg");
		upload.setMaxFileSize((int) Attachments.MAX_BYTES);
		upload.setI18n(UploadTexts.of(this::getTranslation));
		upload.getElement().setAttribute("aria-label", getTranslation("case.upload"));
		upload.addFileRejectedListener((event) -> error.setText(getTranslation("attachment.type-or-size")));
		upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> {
			try {
				this.attachments.attach(caseId, metadata.fileName(), bytes, this.user);
				error.setText("");
			}
			catch (AttachmentRejectedException ex) {
				error.setText(getTranslation(ex.reason()) + " (" + metadata.fileName() + ")");
			}
		}));
		// the upload runs in a request of its own; its outcome refreshes the list here
		upload.getElement().addEventListener("upload-response", (event) -> fillAttachments(caseId, list));
		add(list, upload, error);
	}

	private void fillAttachments(String caseId, UnorderedList list) {
		list.removeAll();
		List<Attachment> files = this.attachments.ofCase(caseId);
		for (Attachment file : files) {
			StreamResource resource = new StreamResource(file.fileName(),
					() -> new java.io.ByteArrayInputStream(this.attachments.content(file)));
			resource.setContentType(file.contentType());
			Anchor link = new Anchor(resource, file.fileName() + " (" + size(file.sizeBytes()) + ")");
			link.getElement().setAttribute("download", true);
			list.add(new ListItem(link));
		}
		if (files.isEmpty()) {
			list.add(new ListItem(getTranslation("case.no-attachments")));
		}
	}

	@Override
	public String getPageTitle() {
		return getTranslation("case.title", this.title);
	}

}
