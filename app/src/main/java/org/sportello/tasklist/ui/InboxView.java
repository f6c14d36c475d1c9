package org.sportello.tasklist.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.sportello.cases.Cases;
import org.sportello.cases.Channel;
import org.sportello.cases.Topic;
import org.sportello.directory.Administration;
import org.sportello.directory.Directory;
import org.sportello.security.Roles;
import org.sportello.sla.SlaState;
import org.sportello.tasklist.Inbox;
import org.sportello.tasklist.InboxFilter;
import org.sportello.tasklist.InboxItem;
import org.sportello.tasklist.InboxSort;
import org.sportello.tasklist.InboxTab;
import org.sportello.tasklist.SavedFilter;
import org.sportello.tasklist.SavedFilters;
import org.sportello.tasklist.TaskEvents;

/**
 * The officials' inbox: tabs (mine, my offices, delegated to me, and for supervisors all
 * tasks of their offices), filters, lazy paging on the server, ordered by SLA time left.
 * Updates itself when a task of the user's groups is created or claimed (Vaadin Push, no
 * polling). Enter on a row opens the task.
 */
@Route("tasks")
@RolesAllowed({ Roles.BO, Roles.FO, Roles.SUPERVISOR, Roles.ADMIN, Roles.KB_REVIEWER })
public class InboxView extends VerticalLayout implements HasDynamicTitle {

	private final transient Inbox inbox;

	private final transient TaskEvents events;

	private final String user;

	private final Set<String> groups;

	private final Grid<InboxItem> grid = new Grid<>();

	private final Tabs tabs = new Tabs();

	private final Map<Tab, InboxTab> tabKinds = new java.util.LinkedHashMap<>();

	private final ComboBox<Topic> topic = new ComboBox<>();

	private final Select<Channel> channel = new Select<>();

	private final Select<SlaState> sla = new Select<>();

	private final Checkbox highOnly = new Checkbox();

	private final ComboBox<Administration> administration = new ComboBox<>();

	private final TextField text = new TextField();

	private final Select<InboxSort> sort = new Select<>();

	private final transient SavedFilters savedFilters;

	private final Select<SavedFilter> saved = new Select<>();

	private final TextField savedName = new TextField();

	private Runnable unsubscribe;

	private final transient org.sportello.engine.StepNames steps;

	InboxView(Inbox inbox, TaskEvents events, SavedFilters savedFilters, Cases cases, Directory directory,
			org.sportello.distribution.Availability availability, AuthenticationContext authentication,
			org.sportello.engine.StepNames steps) {
		this.steps = steps;
		this.inbox = inbox;
		this.events = events;
		this.savedFilters = savedFilters;
		this.user = authentication.getPrincipalName().orElseThrow();
		this.groups = new HashSet<>(inbox.groupsOf(this.user));
		setSizeFull();
		add(new H2(getTranslation("inbox.title")));
		if (!availability.frontOfficesOf(this.user).isEmpty()) {
			// front-office operators say whether they are on duty: the network's
			// distribution counts them
			add(new org.sportello.distribution.AvailabilitySwitch(availability, this.user));
		}
		tab(InboxTab.MINE);
		tab(InboxTab.OFFICES);
		tab(InboxTab.DELEGATED);
		if (authentication.hasAnyRole(Roles.SUPERVISOR, Roles.ADMIN)) {
			tab(InboxTab.OFFICES_ALL);
		}
		this.tabs.setId("inbox-tabs");
		this.tabs.addSelectedChangeListener((event) -> refresh());
		add(this.tabs, filters(cases, directory), savedFiltersRow());
		configureGrid(cases, directory);
		add(this.grid);
	}

	private void tab(InboxTab kind) {
		Tab tab = new Tab(getTranslation("inbox.tab." + kind.name()));
		tab.setId("tab-" + kind.name().toLowerCase());
		this.tabKinds.put(tab, kind);
		this.tabs.add(tab);
	}

	private HorizontalLayout filters(Cases cases, Directory directory) {
		boolean english = getLocale().getLanguage().equals("en");
		this.topic.setLabel(getTranslation("inbox.filter.topic"));
		this.topic.setItems(cases.topics());
		this.topic.setItemLabelGenerator((t) -> english ? t.labelEn() : t.labelIt());
		this.topic.setClearButtonVisible(true);
		this.channel.setLabel(getTranslation("inbox.filter.channel"));
		this.channel.setItems(Channel.values());
		this.channel.setEmptySelectionAllowed(true);
		this.channel.setItemLabelGenerator(
				(c) -> (c == null) ? getTranslation("inbox.filter.any") : getTranslation("channel." + c.name()));
		this.sla.setLabel(getTranslation("inbox.filter.sla"));
		this.sla.setItems(SlaState.ON_TRACK, SlaState.AT_RISK, SlaState.BREACHED);
		this.sla.setEmptySelectionAllowed(true);
		this.sla.setItemLabelGenerator(
				(s) -> (s == null) ? getTranslation("inbox.filter.any") : getTranslation("sla." + s.name()));
		this.sla.setId("filter-sla");
		this.highOnly.setLabel(getTranslation("inbox.filter.high"));
		this.administration.setLabel(getTranslation("inbox.filter.administration"));
		this.administration.setItems(directory.administrations());
		this.administration.setItemLabelGenerator(Administration::name);
		this.administration.setClearButtonVisible(true);
		this.text.setLabel(getTranslation("inbox.filter.text"));
		this.text.setId("filter-text");
		this.text.setValueChangeMode(ValueChangeMode.LAZY);
		this.text.setClearButtonVisible(true);
		this.sort.setLabel(getTranslation("inbox.sort"));
		this.sort.setItems(InboxSort.values());
		this.sort.setItemLabelGenerator((s) -> getTranslation("inbox.sort." + s.name()));
		this.sort.setValue(InboxSort.SLA);
		this.topic.addValueChangeListener((event) -> refresh());
		this.channel.addValueChangeListener((event) -> refresh());
		this.sla.addValueChangeListener((event) -> refresh());
		this.highOnly.addValueChangeListener((event) -> refresh());
		this.administration.addValueChangeListener((event) -> refresh());
		this.text.addValueChangeListener((event) -> refresh());
		this.sort.addValueChangeListener((event) -> refresh());
		HorizontalLayout row = new HorizontalLayout(this.text, this.topic, this.channel, this.sla, this.administration,
				this.highOnly, this.sort);
		row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		row.setWrap(true);
		return row;
	}

	private void configureGrid(Cases cases, Directory directory) {
		boolean english = getLocale().getLanguage().equals("en");
		Map<String, String> topics = cases.topics()
			.stream()
			.collect(Collectors.toMap(Topic::code, (t) -> english ? t.labelEn() : t.labelIt()));
		Map<String, String> administrations = directory.administrations()
			.stream()
			.collect(Collectors.toMap(Administration::code, Administration::name));
		DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
			.withLocale(getLocale())
			.withZone(ZoneId.of("Europe/Rome"));
		this.grid.setId("inbox");
		this.grid.setAriaLabel(getTranslation("inbox.title"));
		this.grid
			.addComponentColumn((item) -> new Anchor("tasks/" + item.taskId(),
					(item.trackingCode() != null) ? item.trackingCode()
							// a review of the knowledge base names its article; other
							// tasks without a case (a call-back) say what they are
							: "reviewArticle".equals(item.taskKey())
									? getTranslation("inbox.subject", shortSubject(item.subject()))
									: shortSubject(item.subject())))
			.setHeader(getTranslation("inbox.col.code"))
			.setAutoWidth(true);
		// long names (topics, administrations, steps) share the width left and wrap, so
		// that
		// every column fits a 1366-pixel screen without scrolling sideways
		this.grid.addColumn((item) -> topics.getOrDefault(item.topicCode(), item.topicCode()))
			.setHeader(getTranslation("inbox.col.topic"))
			.setWidth("7em")
			.setFlexGrow(2);
		this.grid.addColumn((item) -> administrations.getOrDefault(item.administrationCode(), ""))
			.setHeader(getTranslation("inbox.col.administration"))
			.setWidth("7em")
			.setFlexGrow(2);
		// the step's name in the reader's language, when the designer gave one
		this.grid.addColumn((item) -> this.steps.of(item.taskName(), getLocale()))
			.setHeader(getTranslation("inbox.col.task"))
			.setWidth("7em")
			.setFlexGrow(1);
		this.grid.addComponentColumn((item) -> SlaBadge.of(item.sla(), item.slaLeft(), this::getTranslation))
			.setHeader(getTranslation("inbox.col.sla"))
			.setWidth("11em")
			.setFlexGrow(1);
		this.grid
			.addColumn(
					(item) -> getTranslation((item.priority() >= 75) ? "inbox.priority.high" : "inbox.priority.normal"))
			.setHeader(getTranslation("inbox.col.priority"))
			.setAutoWidth(true);
		this.grid.addColumn((item) -> when.format(item.createdAt()))
			.setHeader(getTranslation("inbox.col.created"))
			.setAutoWidth(true);
		this.grid.addColumn((item) -> (item.assignee() != null) ? item.assignee() : "")
			.setHeader(getTranslation("inbox.col.assignee"))
			.setAutoWidth(true);
		this.grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT,
				GridVariant.LUMO_WRAP_CELL_CONTENT);
		this.grid.setPageSize(50);
		this.grid.addItemDoubleClickListener((event) -> open(event.getItem()));
		this.grid.addCellFocusListener((event) -> event.getItem().ifPresent((item) -> this.focused = item));
		this.grid.getElement().addEventListener("keydown", (event) -> {
			if (this.focused != null) {
				open(this.focused);
			}
		}).setFilter("event.key === 'Enter'");
		this.grid.setItems(DataProvider.fromCallbacks((query) -> this.inbox
			.page(currentTab(), this.user, filter(), this.sort.getValue(), query.getOffset(), query.getLimit())
			.stream(), (query) -> this.inbox.count(currentTab(), this.user, filter())));
	}

	private InboxItem focused;

	private HorizontalLayout savedFiltersRow() {
		this.saved.setLabel(getTranslation("inbox.saved"));
		this.saved.setId("saved-filters");
		this.saved.setItemLabelGenerator((f) -> (f != null) ? f.name() : "");
		this.saved.setEmptySelectionAllowed(true);
		this.saved.setItems(this.savedFilters.of(this.user));
		this.saved.addValueChangeListener((event) -> {
			if (event.getValue() != null) {
				apply(event.getValue());
			}
		});
		this.savedName.setLabel(getTranslation("inbox.saved.name"));
		this.savedName.setId("saved-filter-name");
		this.savedName.setMaxLength(80);
		com.vaadin.flow.component.button.Button save = new com.vaadin.flow.component.button.Button(
				getTranslation("inbox.saved.save"), (click) -> {
					try {
						this.savedFilters.save(this.user, new SavedFilter(this.savedName.getValue(), currentTab(),
								this.sort.getValue(), filter()));
						this.savedName.setInvalid(false);
						this.saved.setItems(this.savedFilters.of(this.user));
						com.vaadin.flow.component.notification.Notification.show(getTranslation("inbox.saved.done"),
								3000, com.vaadin.flow.component.notification.Notification.Position.BOTTOM_START);
					}
					catch (IllegalArgumentException ex) {
						this.savedName.setErrorMessage(getTranslation("inbox." + ex.getMessage()));
						this.savedName.setInvalid(true);
					}
				});
		save.setId("save-filter");
		HorizontalLayout row = new HorizontalLayout(this.saved, this.savedName, save);
		row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		return row;
	}

	private void apply(SavedFilter saved) {
		this.tabKinds.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() == saved.tab())
			.findFirst()
			.ifPresent((entry) -> this.tabs.setSelectedTab(entry.getKey()));
		InboxFilter f = saved.filter();
		this.topic.setValue(this.topic.getListDataView()
			.getItems()
			.filter((t) -> t.code().equals(f.topic()))
			.findFirst()
			.orElse(null));
		this.channel.setValue((f.channel() != null) ? Channel.valueOf(f.channel()) : null);
		this.sla.setValue(f.sla());
		this.highOnly.setValue(Boolean.TRUE.equals(f.highPriorityOnly()));
		this.administration.setValue(this.administration.getListDataView()
			.getItems()
			.filter((a) -> a.code().equals(f.administration()))
			.findFirst()
			.orElse(null));
		this.text.setValue((f.text() != null) ? f.text() : "");
		this.sort.setValue((saved.sort() != null) ? saved.sort() : InboxSort.SLA);
		refresh();
	}

	private void open(InboxItem item) {
		getUI().ifPresent((ui) -> ui.navigate("tasks/" + item.taskId()));
	}

	private InboxTab currentTab() {
		return this.tabKinds.getOrDefault(this.tabs.getSelectedTab(), InboxTab.MINE);
	}

	private InboxFilter filter() {
		return new InboxFilter((this.topic.getValue() != null) ? this.topic.getValue().code() : null,
				(this.channel.getValue() != null) ? this.channel.getValue().name() : null, this.sla.getValue(),
				this.highOnly.getValue() ? Boolean.TRUE : null,
				(this.administration.getValue() != null) ? this.administration.getValue().code() : null,
				this.text.getValue());
	}

	private void refresh() {
		this.grid.getDataProvider().refreshAll();
	}

	@Override
	protected void onAttach(AttachEvent event) {
		UI ui = event.getUI();
		this.unsubscribe = this.events.subscribe((change) -> {
			if (change.concerns(this.user, this.groups)) {
				ui.access(this::refresh);
			}
		});
	}

	@Override
	protected void onDetach(DetachEvent event) {
		if (this.unsubscribe != null) {
			this.unsubscribe.run();
		}
	}

	@Override
	public String getPageTitle() {
		return getTranslation("inbox.title");
	}

	/** The code column stays narrow: a long subject is cut (the task page has it all). */
	private static String shortSubject(String subject) {
		return (subject == null || subject.length() <= 48) ? subject : subject.substring(0, 47) + "…";
	}

}
