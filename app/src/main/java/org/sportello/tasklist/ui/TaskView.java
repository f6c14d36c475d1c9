package org.sportello.tasklist.ui;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.sportello.cases.CaseAnswer;
import org.sportello.cases.CaseRow;
import org.sportello.cases.Contact;
import org.sportello.cases.TimelineEvent;
import org.sportello.documents.DocumentRequests;
import org.sportello.documents.DocumentRequestList;
import org.sportello.cases.Cases;
import org.sportello.security.Roles;
import org.sportello.sla.SlaClocks;
import org.sportello.tasklist.FormRejectedException;
import org.sportello.tasklist.TaskActions;
import org.sportello.tasklist.TaskConflictException;
import org.sportello.tasklist.TaskForms;
import org.sportello.web.FormViewer;

/**
 * One task: its case, SLA, the actions (claim Alt+C, give back, assign, delegate) and its
 * Camunda Form; completing (Ctrl+Enter) validates in the browser and again on the server.
 * Conflicts (claimed by someone else meanwhile, task gone) are shown as messages.
 */
@Route("tasks/:taskId")
@RolesAllowed({ Roles.BO, Roles.FO, Roles.SUPERVISOR, Roles.ADMIN, Roles.KB_REVIEWER })
public class TaskView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TaskView.class);

	private final transient TaskActions actions;

	private final transient org.sportello.engine.StepNames steps;

	private final transient TaskForms forms;

	private final transient Cases cases;

	private final transient SlaClocks sla;

	private final transient DocumentRequests documents;

	private final String user;

	private final FormViewer form = new FormViewer();

	private final Paragraph message = new Paragraph();

	private final HorizontalLayout buttons = new HorizontalLayout();

	private final ObjectMapper json = new ObjectMapper();

	private String taskId;

	private boolean delegatedToMe;

	TaskView(TaskActions actions, TaskForms forms, Cases cases, SlaClocks sla, DocumentRequests documents,
			AuthenticationContext authentication, org.sportello.engine.StepNames steps) {
		this.steps = steps;
		this.documents = documents;
		this.actions = actions;
		this.forms = forms;
		this.cases = cases;
		this.sla = sla;
		this.user = authentication.getPrincipalName().orElseThrow();
		this.message.setId("task-message");
		this.message.getElement().setAttribute("role", "alert");
		this.form.setId("task-form");
		this.form.addSubmitListener((event) -> {
			if (this.delegatedToMe) {
				resolve(event.data());
			}
			else {
				complete(event.data());
			}
		});
		this.form.addInvalidListener((event) -> this.message.setText(getTranslation("task.form-invalid")));
	}

	/**
	 * What the official needs from the case without leaving the task: how to reach the
	 * citizen, what the front office noted when forwarding, what the citizen last sent,
	 * and what was asked of the citizen.
	 */
	private void caseContext(CaseRow kase) {
		Contact contact = this.cases.contactOf(kase.id());
		if (contact != null) {
			Paragraph citizen = new Paragraph(
					getTranslation("task.citizen", contact.name(), (contact.phone() != null) ? contact.phone() : "-",
							(contact.email() != null) ? contact.email() : "-"));
			citizen.setId("task-citizen");
			add(citizen);
		}
		this.cases.answersOf(kase.id())
			.stream()
			.filter((answer) -> answer.kind() == CaseAnswer.Kind.FORWARD)
			.reduce((first, second) -> second)
			.ifPresent((note) -> {
				Paragraph forward = new Paragraph(getTranslation("task.forward-note", note.body()));
				forward.setId("task-forward-note");
				forward.getStyle().set("white-space", "pre-line");
				add(forward);
			});
		this.cases.timelineOf(kase.id())
			.stream()
			.filter((event) -> event.eventType() == TimelineEvent.EventType.CITIZEN_REPLIED)
			.reduce((first, second) -> second)
			.ifPresent((reply) -> {
				Paragraph text = new Paragraph(getTranslation("task.citizen-reply", reply.detail()));
				text.setId("task-citizen-reply");
				text.getStyle().set("white-space", "pre-line");
				add(text);
			});
		var asked = this.documents.askedOf(kase.id());
		if (!asked.isEmpty()) {
			add(new DocumentRequestList("task-document-requests", asked));
		}
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		this.taskId = event.getRouteParameters().get("taskId").orElse("");
		show();
	}

	private void show() {
		removeAll();
		Task task;
		try {
			task = this.actions.visible(this.taskId, this.user);
		}
		catch (TaskConflictException ex) {
			add(new H2(getTranslation("task.not-found")), new Anchor("tasks", getTranslation("task.back")));
			return;
		}
		CaseRow kase = this.cases.byId(this.actions.caseOf(this.taskId).orElse("")).orElse(null);
		H2 title = new H2(this.steps.of(task.getName(), getLocale()));
		add(title);
		if (kase != null) {
			HorizontalLayout header = new HorizontalLayout(
					new Anchor("cases/" + kase.trackingCode(), kase.trackingCode()),
					new Paragraph(getTranslation("status." + kase.status().name())));
			String office = this.actions.officeOf(this.taskId).orElse(null);
			if (office != null) {
				this.sla.officeStatus(kase.id(), office)
					.ifPresent(
							(status) -> header.add(SlaBadge.of(status.state(), status.left(), this::getTranslation)));
			}
			header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
			add(header, new Paragraph(kase.description()));
			caseContext(kase);
		}
		Paragraph assignee = new Paragraph((task.getAssignee() != null)
				? getTranslation("task.assigned-to", task.getAssignee()) : getTranslation("task.unassigned"));
		assignee.setId("task-assignee");
		add(assignee);
		actionButtons(task);
		// the form with its input: the process variables it uses, the transfer targets
		// its
		// administration select offers
		this.actions.form(this.taskId, this.user, getLocale()).ifPresent((shown) -> {
			String input;
			try {
				input = this.json.writeValueAsString(shown.input());
			}
			catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
				input = "{}";
			}
			this.form.show(this.forms.inLanguage(shown.schema(), getLocale()), input);
			add(this.form);
		});
		this.delegatedToMe = this.user.equals(task.getAssignee())
				&& task.getDelegationState() == DelegationState.PENDING;
		Button complete = new Button(getTranslation(this.delegatedToMe ? "task.resolve" : "task.complete"),
				(click) -> this.form.submit());
		complete.setId("complete-task");
		complete.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		complete.addClickShortcut(Key.ENTER, KeyModifier.CONTROL);
		complete.setEnabled(this.user.equals(task.getAssignee()) || task.getAssignee() == null);
		add(this.message, complete);
	}

	private void actionButtons(Task task) {
		this.buttons.removeAll();
		boolean mine = this.user.equals(task.getAssignee());
		if (task.getAssignee() == null) {
			Button claim = new Button(getTranslation("task.claim"),
					(click) -> act(() -> this.actions.claim(this.taskId, this.user), "task.claimed"));
			claim.setId("claim-task");
			claim.addClickShortcut(Key.KEY_C, KeyModifier.ALT);
			this.buttons.add(claim);
		}
		if (mine) {
			Button unclaim = new Button(getTranslation("task.unclaim"),
					(click) -> act(() -> this.actions.unclaim(this.taskId, this.user), "task.unclaimed"));
			unclaim.setId("unclaim-task");
			this.buttons.add(unclaim);
		}
		ComboBox<String> colleague = new ComboBox<>(getTranslation("task.colleague"));
		colleague.setId("task-colleague");
		colleague.setItems(this.actions.colleaguesFor(this.taskId)
			.stream()
			.filter((id) -> !id.equals(this.user))
			.collect(Collectors.toList()));
		Button assign = new Button(getTranslation("task.assign"),
				(click) -> act(() -> this.actions.assign(this.taskId, this.user, colleague.getValue()),
						"task.assigned"));
		assign.setId("assign-task");
		this.buttons.add(colleague, assign);
		if (mine && task.getDelegationState() != DelegationState.PENDING) {
			Button delegate = new Button(getTranslation("task.delegate"),
					(click) -> act(() -> this.actions.delegate(this.taskId, this.user, colleague.getValue()),
							"task.delegated-ok"));
			delegate.setId("delegate-task");
			this.buttons.add(delegate);
		}
		com.vaadin.flow.component.datepicker.DatePicker followUp = new com.vaadin.flow.component.datepicker.DatePicker(
				getTranslation("task.follow-up"));
		followUp.setId("task-follow-up");
		if (task.getFollowUpDate() != null) {
			followUp
				.setValue(task.getFollowUpDate().toInstant().atZone(java.time.ZoneId.of("Europe/Rome")).toLocalDate());
		}
		Button setFollowUp = new Button(getTranslation("task.set-follow-up"),
				(click) -> act(() -> this.actions.followUp(this.taskId, this.user, (followUp.getValue() != null)
						? followUp.getValue().atTime(9, 0).atZone(java.time.ZoneId.of("Europe/Rome")).toInstant()
						: null), "task.follow-up-set"));
		setFollowUp.setId("set-follow-up");
		this.buttons.add(followUp, setFollowUp);
		this.buttons.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		this.buttons.setWrap(true);
		add(this.buttons);
	}

	private void act(Runnable action, String done) {
		try {
			action.run();
			Notification.show(getTranslation(done), 3000, Notification.Position.BOTTOM_START)
				.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
			show();
		}
		catch (TaskConflictException ex) {
			show();
			this.message.setText(getTranslation(ex.code(), (ex.detail() != null) ? ex.detail() : ""));
		}
	}

	private void complete(String dataJson) {
		Map<String, Object> data;
		try {
			data = this.json.readValue(dataJson, new TypeReference<HashMap<String, Object>>() {
			});
		}
		catch (java.io.IOException ex) {
			this.message.setText(getTranslation("task.form-invalid"));
			return;
		}
		try {
			this.actions.complete(this.taskId, this.user, data);
			Notification.show(getTranslation("task.completed"), 3000, Notification.Position.BOTTOM_START)
				.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
			getUI().ifPresent((ui) -> ui.navigate("tasks"));
		}
		catch (FormRejectedException ex) {
			this.message.setText(getTranslation("task.form-refused",
					ex.errors()
						.stream()
						.map((error) -> error.key() + " (" + getTranslation("form.rule." + error.code()) + ")")
						.collect(Collectors.joining(", "))));
		}
		catch (TaskConflictException ex) {
			this.message.setText(getTranslation(ex.code(), (ex.detail() != null) ? ex.detail() : ""));
		}
		catch (org.camunda.bpm.engine.ProcessEngineException ex) {
			// the model could not go on with these data (no outgoing flow matches, a
			// service step failed): nothing is saved, the task stays open with what the
			// user typed; the designer reads the cause in the log
			log.warn("Completing task {} failed in the engine: {}", this.taskId, ex.getMessage());
			this.message.setText(getTranslation("task.engine-refused"));
		}
	}

	private void resolve(String dataJson) {
		try {
			Map<String, Object> data = this.json.readValue(dataJson, new TypeReference<HashMap<String, Object>>() {
			});
			this.actions.resolveDelegation(this.taskId, this.user, data);
			Notification.show(getTranslation("task.resolved"), 3000, Notification.Position.BOTTOM_START)
				.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
			getUI().ifPresent((ui) -> ui.navigate("tasks"));
		}
		catch (java.io.IOException ex) {
			this.message.setText(getTranslation("task.form-invalid"));
		}
		catch (FormRejectedException ex) {
			this.message.setText(getTranslation("task.form-refused",
					ex.errors().stream().map((error) -> error.key()).collect(Collectors.joining(", "))));
		}
		catch (TaskConflictException ex) {
			this.message.setText(getTranslation(ex.code(), (ex.detail() != null) ? ex.detail() : ""));
		}
	}

	@Override
	public String getPageTitle() {
		return getTranslation("task.title");
	}

}
