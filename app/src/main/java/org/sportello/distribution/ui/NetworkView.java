package org.sportello.distribution.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.sportello.cases.Cases;
import org.sportello.cases.Topic;
import org.sportello.directory.Office;
import org.sportello.directory.Skill;
import org.sportello.distribution.Distribution;
import org.sportello.security.Roles;
import org.sportello.tasklist.TaskEvents;
import org.sportello.web.Tables;

/**
 * The workload board: each front office the supervisor watches (the hub and
 * administrators: the whole network) with its live figures (updated by Push as tasks
 * come, move and are claimed, and every 15 seconds for the clock), the tasks waiting at
 * the selected office, and the move of the selected ones to another office.
 */
@Route("network")
@RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
public class NetworkView extends VerticalLayout implements HasDynamicTitle {

	private static final ZoneId ROME = ZoneId.of("Europe/Rome");

	private final transient Distribution distribution;

	private final transient TaskEvents events;

	private final transient Clock clock;

	private final transient org.camunda.bpm.engine.IdentityService identity;

	/** Operators' names by id, read once for each refresh of the board. */
	private final java.util.Map<String, String> names = new java.util.HashMap<>();

	private final transient List<Topic> topics;

	private final String user;

	private final boolean admin;

	private final Grid<Distribution.OfficeWorkload> board = new Grid<>();

	private final Grid<Distribution.WaitingTask> waiting = new Grid<>();

	private final H3 waitingTitle = new H3();

	private final Select<Office> target = new Select<>();

	private final Button move = new Button();

	private final Button skills = new Button();

	private String selectedOffice;

	private boolean refreshing;

	private Runnable unsubscribe;

	private com.vaadin.flow.shared.Registration polling;

	NetworkView(Distribution distribution, TaskEvents events, Cases cases, Clock clock,
			org.camunda.bpm.engine.IdentityService identity, AuthenticationContext authentication) {
		this.identity = identity;
		this.distribution = distribution;
		this.events = events;
		this.clock = clock;
		this.topics = cases.topics();
		this.user = authentication.getPrincipalName().orElseThrow();
		this.admin = authentication.hasAnyRole(Roles.ADMIN);
		setSizeFull();
		add(new H2(getTranslation("network.title")), new Paragraph(getTranslation("network.intro")));
		configureBoard();
		add(Tables.heading(this.board, getTranslation("network.offices")), this.board);
		configureWaiting();
		this.waitingTitle.setId("network-waiting-title");
		this.waiting.getElement().setAttribute("aria-labelledby", "network-waiting-title");
		add(this.waitingTitle, moveBar(), this.waiting);
		refresh();
	}

	private void configureBoard() {
		Tables.allRows(this.board, "network-board", getTranslation("network.no-offices"));
		this.board.addColumn((row) -> row.office().name()).setHeader(getTranslation("network.office")).setFlexGrow(2);
		this.board.addColumn((row) -> getTranslation(row.open() ? "network.open" : "network.closed"))
			.setHeader(getTranslation("network.hours"));
		this.board
			.addColumn((row) -> row.onDuty() + (row.operatorsOnDuty().isEmpty() ? ""
					: " (" + row.operatorsOnDuty().stream().map(this::nameOf).collect(Collectors.joining(", ")) + ")"))
			.setHeader(getTranslation("network.on-duty"));
		this.board.addColumn(Distribution.OfficeWorkload::waiting).setHeader(getTranslation("network.waiting"));
		this.board
			.addColumn((row) -> (row.oldestSince() == null) ? "-"
					: getTranslation("network.minutes",
							Math.max(0, Duration.between(row.oldestSince(), this.clock.instant()).toMinutes())))
			.setHeader(getTranslation("network.oldest"));
		this.board.addColumn(Distribution.OfficeWorkload::atRisk).setHeader(getTranslation("network.at-risk"));
		this.board.addColumn(Distribution.OfficeWorkload::handledLastHour).setHeader(getTranslation("network.handled"));
		this.board.addColumn((row) -> skillNames(row.skills()))
			.setHeader(getTranslation("network.skills"))
			.setFlexGrow(2);
		this.board.addSelectionListener((event) -> {
			if (this.refreshing) {
				// new rows, same office: refresh() selects it again
				return;
			}
			this.selectedOffice = event.getFirstSelectedItem().map((row) -> row.office().groupId()).orElse(null);
			refreshWaiting();
		});
	}

	private void configureWaiting() {
		Tables.allRows(this.waiting, "network-waiting", getTranslation("network.no-waiting"));
		this.waiting.setSelectionMode(Grid.SelectionMode.MULTI);
		DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
			.withLocale(getLocale())
			.withZone(ROME);
		this.waiting.addColumn(Distribution.WaitingTask::trackingCode).setHeader(getTranslation("network.code"));
		this.waiting.addColumn((task) -> topicLabel(task.topicCode())).setHeader(getTranslation("network.topic"));
		this.waiting.addColumn((task) -> when.format(task.createdAt())).setHeader(getTranslation("network.since"));
		this.waiting.addColumn((task) -> skillNames(task.needs())).setHeader(getTranslation("network.needs"));
		this.waiting.addColumn((task) -> (task.movedAt() == null) ? "" : when.format(task.movedAt()))
			.setHeader(getTranslation("network.moved-at"));
	}

	private HorizontalLayout moveBar() {
		this.target.setId("network-target");
		this.target.setLabel(getTranslation("network.move-to"));
		this.target.setItemLabelGenerator(Office::name);
		this.target.setWidth("22em");
		this.move.setId("network-move");
		this.move.setText(getTranslation("network.move"));
		this.move.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		this.move.addClickListener((event) -> moveSelected());
		this.skills.setId("network-skills");
		this.skills.setText(getTranslation("network.edit-skills"));
		this.skills.setVisible(this.admin);
		this.skills.addClickListener((event) -> editSkills());
		HorizontalLayout bar = new HorizontalLayout(this.target, this.move, this.skills);
		bar.setAlignItems(FlexComponent.Alignment.BASELINE);
		return bar;
	}

	private void moveSelected() {
		Set<Distribution.WaitingTask> selected = this.waiting.getSelectedItems();
		if (selected.isEmpty() || this.target.getValue() == null) {
			Notification.show(getTranslation("network.move-choose")).addThemeVariants(NotificationVariant.LUMO_WARNING);
			return;
		}
		Distribution.MoveResult result = this.distribution.moveByHand(
				selected.stream().map(Distribution.WaitingTask::taskId).toList(), this.target.getValue().groupId(),
				this.user);
		boolean all = result.moved() == selected.size();
		Notification notice = Notification.show(getTranslation(all ? "network.moved" : "network.moved-partly",
				result.moved(), this.target.getValue().name(), result.notWaiting(), result.lackingSkill()));
		notice.addThemeVariants(all ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_WARNING);
		notice.setId("network-move-result");
		refresh();
	}

	private void editSkills() {
		if (this.selectedOffice == null) {
			Notification.show(getTranslation("network.choose-office"))
				.addThemeVariants(NotificationVariant.LUMO_WARNING);
			return;
		}
		String office = this.selectedOffice;
		Dialog dialog = new Dialog();
		dialog.setHeaderTitle(getTranslation("network.edit-skills"));
		CheckboxGroup<Skill> choice = new CheckboxGroup<>(getTranslation("network.skills"));
		choice.setId("network-skill-choice");
		choice.setItems(Skill.values());
		choice.setItemLabelGenerator((skill) -> getTranslation("skill." + skill.name()));
		choice.setValue(this.distribution.officeSkills(office));
		Button save = new Button(getTranslation("network.save-skills"), (event) -> {
			this.distribution.setOfficeSkills(office, choice.getValue());
			dialog.close();
			refresh();
		});
		save.setId("network-save-skills");
		save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		dialog.add(choice);
		dialog.getFooter().add(new Button(getTranslation("network.cancel"), (event) -> dialog.close()), save);
		dialog.open();
	}

	private void refresh() {
		List<Distribution.OfficeWorkload> rows = this.distribution.workload(this.user);
		String[] onDuty = rows.stream()
			.flatMap((row) -> row.operatorsOnDuty().stream())
			.distinct()
			.toArray(String[]::new);
		this.names.clear();
		if (onDuty.length > 0) {
			this.identity.createUserQuery().userIdIn(onDuty).list().forEach((operator) -> {
				String name = ((operator.getFirstName() == null ? "" : operator.getFirstName()) + " "
						+ (operator.getLastName() == null ? "" : operator.getLastName()))
					.strip();
				this.names.put(operator.getId(), name.isEmpty() ? operator.getId() : name);
			});
		}
		this.refreshing = true;
		try {
			this.board.setItems(rows);
			rows.stream()
				.filter((row) -> row.office().groupId().equals(this.selectedOffice))
				.findFirst()
				.ifPresent(this.board::select);
		}
		finally {
			this.refreshing = false;
		}
		Office chosen = this.target.getValue();
		List<Office> offices = rows.stream().map(Distribution.OfficeWorkload::office).toList();
		this.target.setItems(offices);
		if (chosen != null) {
			offices.stream()
				.filter((office) -> office.groupId().equals(chosen.groupId()))
				.findFirst()
				.ifPresent(this.target::setValue);
		}
		refreshWaiting();
	}

	private void refreshWaiting() {
		if (this.selectedOffice == null) {
			this.waitingTitle.setText(getTranslation("network.choose-office"));
			this.waiting.setItems(List.of());
			return;
		}
		String name = this.board.getSelectedItems()
			.stream()
			.findFirst()
			.map((row) -> row.office().name())
			.orElse(this.selectedOffice);
		this.waitingTitle.setText(getTranslation("network.waiting-at", name));
		Set<String> kept = this.waiting.getSelectedItems()
			.stream()
			.map(Distribution.WaitingTask::taskId)
			.collect(Collectors.toSet());
		List<Distribution.WaitingTask> tasks = this.distribution.waitingAt(this.selectedOffice, this.user);
		this.waiting.setItems(tasks);
		tasks.stream().filter((task) -> kept.contains(task.taskId())).forEach(this.waiting::select);
	}

	private String nameOf(String operator) {
		return this.names.getOrDefault(operator, operator);
	}

	private String skillNames(Set<Skill> skills) {
		return skills.stream()
			.map((skill) -> getTranslation("skill." + skill.name()))
			.collect(Collectors.joining(", "));
	}

	private String topicLabel(String code) {
		return this.topics.stream()
			.filter((topic) -> topic.code().equals(code))
			.findFirst()
			.map((topic) -> topic.label(getLocale()))
			.orElse(code);
	}

	@Override
	protected void onAttach(AttachEvent event) {
		UI ui = event.getUI();
		// the clock moves the oldest waits; tasks moving or claimed come by Push at once
		ui.setPollInterval(15_000);
		this.polling = ui.addPollListener((poll) -> refresh());
		Set<String> watched = this.distribution.visibleOffices(this.user)
			.stream()
			.map(Office::groupId)
			.collect(Collectors.toSet());
		this.unsubscribe = this.events.subscribe((change) -> {
			if (change.groups().stream().anyMatch(watched::contains)) {
				ui.access(this::refresh);
			}
		});
	}

	@Override
	protected void onDetach(DetachEvent event) {
		event.getUI().setPollInterval(-1);
		if (this.polling != null) {
			this.polling.remove();
		}
		if (this.unsubscribe != null) {
			this.unsubscribe.run();
		}
	}

	@Override
	public String getPageTitle() {
		return getTranslation("network.title");
	}

}
