package org.sportello.reporting.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.sportello.cases.Cases;
import org.sportello.cases.ClassLabel;
import org.sportello.cases.Classification;
import org.sportello.cases.Topic;
import org.sportello.directory.Directory;
import org.sportello.directory.Office;
import org.sportello.reporting.Ageing;
import org.sportello.reporting.Dimension;
import org.sportello.reporting.Figures;
import org.sportello.reporting.LegFigures;
import org.sportello.reporting.Medians;
import org.sportello.reporting.ReportExports;
import org.sportello.reporting.ReportLabels;
import org.sportello.reporting.ReportFilter;
import org.sportello.reporting.ReportScope;
import org.sportello.reporting.Reports;
import org.sportello.reporting.TopicAlert;
import org.sportello.security.Roles;
import org.sportello.web.Chart;
import org.sportello.web.Tables;

/**
 * The network's figures for a period, from the anonymous warehouse: the front offices
 * (cases, closed on the spot, with an article, time to resolution; by office and month),
 * the administrations' SLA, topics (with those rising unusually) and channels,
 * satisfaction and today's backlog. Every table is the accessible form of its figures.
 * The hub's supervisors see the network, an administration's supervisors their own.
 */
@Route("reports")
@RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
public class ReportsView extends VerticalLayout implements HasDynamicTitle {

	private final transient Reports reports;

	private final transient Directory directory;

	private final ReportScope scope;

	private final Map<String, Topic> topics;

	private final DatePicker from = new DatePicker();

	private final DatePicker to = new DatePicker();

	private final ComboBox<String> administration = new ComboBox<>();

	private final ComboBox<String> topic = new ComboBox<>();

	private final ComboBox<String> channel = new ComboBox<>();

	private final Paragraph summary = new Paragraph();

	private final Grid<Figures> offices;

	private final Grid<Figures> months;

	private final Grid<Figures> administrations;

	private final Grid<Figures> byTopic;

	private final Grid<Figures> byChannel;

	private final Grid<Figures> byTopicClass;

	private final Grid<LegFigures> backOffices = new Grid<>();

	private final Chart monthChart;

	private final Chart topicChart;

	private final Chart ratingChart;

	private final Grid<Figures> byOutcome;

	private final Map<String, String> topicClasses;

	private final Map<String, String> outcomeClasses;

	private final Grid<Rating> ratings = new Grid<>();

	private final Grid<Ageing> backlog = new Grid<>();

	private final Div alerts = new Div();

	private final NumberFormat percent;

	private final transient ReportExports exports;

	private final ProgressBar exportProgress = new ProgressBar();

	private final Span exportStatus = new Span();

	private final Div download = new Div();

	private transient Path exported;

	private boolean exporting;

	/** One line of the satisfaction table. */
	record Rating(String value, long cases, double share) {
	}

	ReportsView(Reports reports, ReportExports exports, Directory directory, Cases cases, Clock clock,
			AuthenticationContext authentication, Classification classification) {
		this.reports = reports;
		this.exports = exports;
		this.directory = directory;
		this.scope = reports.scopeOf(authentication.getPrincipalName().orElseThrow());
		this.topics = cases.topics().stream().collect(Collectors.toMap(Topic::code, Function.identity()));
		this.topicClasses = classification.topicClasses()
			.stream()
			.collect(Collectors.toMap(ClassLabel::code, (entry) -> entry.label(getLocale())));
		this.outcomeClasses = classification.outcomeClasses()
			.stream()
			.collect(Collectors.toMap(ClassLabel::code, (entry) -> entry.label(getLocale())));
		this.percent = NumberFormat.getPercentInstance(getLocale());
		this.percent.setMaximumFractionDigits(1);
		LocalDate today = LocalDate.now(clock);
		this.from.setLabel(getTranslation("reports.from"));
		this.from.setId("reports-from");
		this.from.setLocale(getLocale());
		this.from.setValue(today.minusMonths(3).withDayOfMonth(1));
		this.to.setLabel(getTranslation("reports.to"));
		this.to.setId("reports-to");
		this.to.setLocale(getLocale());
		this.to.setValue(today);
		this.administration.setLabel(getTranslation("reports.administration"));
		this.administration.setId("reports-administration");
		this.administration.setItems(reports.administrationsIn(this.scope));
		this.administration.setItemLabelGenerator(directory::administrationName);
		this.administration.setPlaceholder(getTranslation(this.scope.network() ? "reports.all" : "reports.yours"));
		this.administration.setClearButtonVisible(true);
		this.from.addValueChangeListener((event) -> refresh());
		this.to.addValueChangeListener((event) -> refresh());
		this.administration.addValueChangeListener((event) -> refresh());
		this.topic.setLabel(getTranslation("reports.topic"));
		this.topic.setId("reports-topic");
		this.topic
			.setItems(this.topics.keySet().stream().sorted(java.util.Comparator.comparing(this::topicName)).toList());
		this.topic.setItemLabelGenerator(this::topicName);
		this.topic.setPlaceholder(getTranslation("reports.every-topic"));
		this.topic.setClearButtonVisible(true);
		this.topic.addValueChangeListener((event) -> refresh());
		this.channel.setLabel(getTranslation("reports.channel"));
		this.channel.setId("reports-channel");
		this.channel.setItems(java.util.Arrays.stream(org.sportello.cases.Channel.values()).map(Enum::name).toList());
		this.channel.setItemLabelGenerator((code) -> getTranslation("channel." + code));
		this.channel.setPlaceholder(getTranslation("reports.every-channel"));
		this.channel.setClearButtonVisible(true);
		this.channel.addValueChangeListener((event) -> refresh());
		this.administration.getStyle().set("margin-right", "var(--lumo-space-m)");
		this.topic.getStyle().set("margin-right", "var(--lumo-space-m)");
		this.from.getStyle().set("margin-right", "var(--lumo-space-m)");
		this.to.getStyle().set("margin-right", "var(--lumo-space-m)");
		this.summary.setId("reports-summary");
		this.summary.getElement().setAttribute("role", "status");

		this.offices = figures("reports-offices", "reports.office", (row) -> officeName(row.label()));
		this.offices.addColumn((row) -> directory.administrationName(row.administration()))
			.setHeader(header("reports.administration"))
			.setFlexGrow(2);
		this.offices.addColumn(Figures::cases).setHeader(header("reports.cases"));
		frontOfficeColumns(this.offices);
		this.months = figures("reports-months", "reports.month", (row) -> monthName(row.label()));
		frontOfficeColumns(this.months);
		this.administrations = figures("reports-administrations", "reports.owner", (row) -> (row.label() == null)
				? getTranslation("reports.no-owner") : directory.administrationName(row.label()));
		this.administrations.addColumn(Figures::finished).setHeader(header("reports.finished"));
		this.administrations.addColumn((row) -> share(row.slaMet(), row.slaRate()))
			.setHeader(header("reports.sla-met"))
			.setFlexGrow(2);
		this.administrations.addColumn(Figures::slaBreached).setHeader(header("reports.sla-breached"));
		this.administrations.addColumn((row) -> duration(row.meanResponseMinutes()))
			.setHeader(header("reports.mean-response"))
			.setFlexGrow(2);
		this.administrations.addColumn((row) -> duration(row.meanWorkingMinutes()))
			.setHeader(header("reports.mean-working"))
			.setFlexGrow(2);
		table(this.backOffices, "reports-back-offices");
		this.backOffices.addColumn((row) -> officeName(row.officeGroupId()))
			.setHeader(header("reports.office"))
			.setFlexGrow(3);
		this.backOffices.addColumn((row) -> directory.administrationName(row.administrationCode()))
			.setHeader(header("reports.administration"))
			.setFlexGrow(2);
		this.backOffices.addColumn(LegFigures::legs).setHeader(header("reports.legs"));
		this.backOffices.addColumn(LegFigures::finished).setHeader(header("reports.legs-finished"));
		this.backOffices.addColumn((row) -> duration(row.meanResponseMinutes()))
			.setHeader(header("reports.mean-response"))
			.setFlexGrow(2);
		this.backOffices.addColumn((row) -> duration(row.meanWorkingMinutes()))
			.setHeader(header("reports.mean-leg-working"))
			.setFlexGrow(2);
		this.backOffices.addColumn((row) -> share(Math.max(0, row.finished() - row.slaBreached()), row.slaRate()))
			.setHeader(header("reports.sla-met"))
			.setFlexGrow(2);
		this.backOffices.addColumn(LegFigures::maxEscalation).setHeader(header("reports.max-escalation"));
		this.byTopic = figures("reports-topics", "reports.topic", (row) -> topicName(row.label()));
		this.byTopic.addColumn((row) -> share(row.closedAtFrontOffice(), row.closureRate()))
			.setHeader(header("reports.closed-fo"))
			.setFlexGrow(2);
		this.byTopic.addColumn((row) -> share(row.slaMet(), row.slaRate()))
			.setHeader(header("reports.sla-met"))
			.setFlexGrow(2);
		this.byChannel = figures("reports-channels", "reports.channel",
				(row) -> getTranslation("channel." + row.label()));
		this.byChannel.addColumn((row) -> share(row.closedAtFrontOffice(), row.closureRate()))
			.setHeader(header("reports.closed-fo"))
			.setFlexGrow(2);
		this.byTopicClass = figures("reports-topic-classes", "reports.topic-class", (row) -> (row.label() == null)
				? getTranslation("reports.unclassified") : this.topicClasses.getOrDefault(row.label(), row.label()));
		this.byTopicClass.addColumn((row) -> share(row.closedAtFrontOffice(), row.closureRate()))
			.setHeader(header("reports.closed-fo"))
			.setFlexGrow(2);
		this.byOutcome = figures("reports-outcomes", "reports.outcome-class", (row) -> (row.label() == null)
				? getTranslation("reports.no-outcome") : this.outcomeClasses.getOrDefault(row.label(), row.label()));
		this.byOutcome.addColumn((row) -> share(row.closedAtFrontOffice(), row.closureRate()))
			.setHeader(header("reports.closed-fo"))
			.setFlexGrow(2);
		table(this.ratings, "reports-ratings");
		this.ratings.addColumn((row) -> getTranslation("track.rating." + row.value()))
			.setHeader(header("reports.rating"))
			.setFlexGrow(3);
		this.ratings.addColumn(Rating::cases).setHeader(header("reports.cases"));
		this.ratings.addColumn((row) -> this.percent.format(row.share())).setHeader(header("reports.share"));
		table(this.backlog, "reports-backlog");
		this.backlog.addColumn(this::ageLabel).setHeader(header("reports.age")).setFlexGrow(3);
		this.backlog.addColumn(Ageing::cases).setHeader(header("reports.open-cases"));
		this.alerts.setId("reports-alerts");
		this.monthChart = chart("reports-months-chart", "reports.chart.months");
		this.topicChart = chart("reports-topics-chart", "reports.chart.topics");
		this.ratingChart = chart("reports-ratings-chart", "reports.chart.ratings");

		TabSheet tabs = new TabSheet();
		tabs.setWidthFull();
		tabs.setId("reports-tabs");
		tabs.add(getTranslation("reports.tab.front-office"), new Div(heading("reports.by-office", this.offices),
				this.offices, heading("reports.by-month", this.months), this.monthChart, this.months));
		tabs.add(getTranslation("reports.tab.administrations"),
				new Div(heading("reports.by-administration", this.administrations), this.administrations,
						heading("reports.by-back-office", this.backOffices), this.backOffices));
		tabs.add(getTranslation("reports.tab.topics"), new Div(this.alerts, heading("reports.by-topic", this.byTopic),
				this.topicChart, this.byTopic, heading("reports.by-channel", this.byChannel), this.byChannel));
		tabs.add(getTranslation("reports.tab.classification"),
				new Div(heading("reports.by-topic-class", this.byTopicClass), this.byTopicClass,
						heading("reports.by-outcome", this.byOutcome), this.byOutcome));
		tabs.add(getTranslation("reports.tab.citizens"), new Div(heading("reports.satisfaction", this.ratings),
				this.ratingChart, this.ratings, heading("reports.backlog", this.backlog), this.backlog));
		Button excel = new Button(getTranslation("reports.export.xlsx"), (click) -> export(ReportExports.Format.XLSX));
		excel.setId("reports-export-xlsx");
		Button csv = new Button(getTranslation("reports.export.csv"), (click) -> export(ReportExports.Format.CSV));
		csv.setId("reports-export-csv");
		this.exportProgress.setId("reports-export-progress");
		this.exportProgress.setVisible(false);
		this.exportProgress.setWidth("20em");
		this.exportStatus.setId("reports-export-status");
		this.exportStatus.getElement().setAttribute("role", "status");
		this.download.setId("reports-download");
		HorizontalLayout exporting = new HorizontalLayout(excel, csv, this.exportStatus, this.download);
		exporting.setAlignItems(Alignment.BASELINE);
		add(new H2(getTranslation("reports.title")), new Paragraph(getTranslation("reports.intro")), filters(),
				this.summary, exporting, this.exportProgress, tabs);
		addDetachListener((event) -> forgetExport());
		refresh();
	}

	private Grid<Figures> figures(String id, String labelKey, Function<Figures, String> label) {
		Grid<Figures> grid = new Grid<>();
		table(grid, id);
		grid.addColumn(label::apply).setHeader(header(labelKey)).setFlexGrow(3);
		if (!"reports-offices".equals(id)) {
			grid.addColumn(Figures::cases).setHeader(header("reports.cases"));
		}
		return grid;
	}

	private FlexLayout filters() {
		FlexLayout filters = new FlexLayout(this.from, this.to, this.administration, this.topic, this.channel);
		filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
		return filters;
	}

	/** A chart whose figures are in the table after it (its accessible form). */
	private Chart chart(String id, String labelKey) {
		Chart chart = new Chart(getTranslation(labelKey));
		chart.setId(id);
		return chart;
	}

	/** The charts of the figures just read (the tables hold the same numbers). */
	private void drawCharts(List<Figures> months, List<Figures> topics, List<Rating> ratings) {
		this.monthChart.show(months.stream().map((row) -> monthName(row.label())).toList(),
				List.of(new Chart.Series(getTranslation("reports.cases"), Chart.Kind.BAR,
						months.stream().map(Figures::cases).toList()),
						new Chart.Series(getTranslation("reports.closed-fo"), Chart.Kind.BAR,
								months.stream().map(Figures::closedAtFrontOffice).toList())));
		List<Figures> largest = topics.stream().limit(12).toList();
		this.topicChart.show(largest.stream().map((row) -> topicName(row.label())).toList(),
				List.of(new Chart.Series(getTranslation("reports.cases"), Chart.Kind.BAR,
						largest.stream().map(Figures::cases).toList())));
		this.ratingChart.show(ratings.stream().map((row) -> getTranslation("track.rating." + row.value())).toList(),
				List.of(new Chart.Series(getTranslation("reports.cases"), Chart.Kind.BAR,
						ratings.stream().map(Rating::cases).toList())));
	}

	private void frontOfficeColumns(Grid<Figures> grid) {
		grid.addColumn((row) -> share(row.closedAtFrontOffice(), row.closureRate()))
			.setHeader(header("reports.closed-fo"))
			.setFlexGrow(2);
		grid.addColumn((row) -> share(row.withArticle(), row.articleRate()))
			.setHeader(header("reports.with-article"))
			.setFlexGrow(2);
		grid.addColumn((row) -> duration(row.meanWorkingMinutes()))
			.setHeader(header("reports.mean-working"))
			.setFlexGrow(2);
	}

	private void table(Grid<?> grid, String id) {
		Tables.allRows(grid, id, getTranslation("reports.none"));
	}

	/** A header that wraps rather than being cut. */
	private Span header(String key) {
		Span header = new Span(getTranslation(key));
		header.getStyle().set("white-space", "normal");
		return header;
	}

	private H3 heading(String key, Grid<?> grid) {
		return Tables.heading(grid, getTranslation(key));
	}

	private void refresh() {
		ReportFilter filter = filter();
		this.to.setInvalid(filter == null);
		if (filter == null) {
			this.to.setErrorMessage(getTranslation("reports.period-invalid"));
			this.summary.setText(getTranslation("reports.period-invalid"));
			return;
		}
		Figures total = this.reports.total(this.scope, filter);
		Medians medians = this.reports.medians(this.scope, filter);
		this.summary.setText(getTranslation("reports.summary", total.cases(), total.closedAtFrontOffice(),
				this.percent.format(total.closureRate()), total.withArticle(), this.percent.format(total.articleRate()),
				duration(total.meanWorkingMinutes()), duration(total.meanCalendarMinutes()),
				duration(medians.working()), duration(medians.calendar())));
		this.offices.setItems(this.reports.byFrontOffice(this.scope, filter));
		List<Figures> byMonth = this.reports.byMonth(this.scope, filter);
		this.months.setItems(byMonth);
		this.administrations.setItems(this.reports.breakdown(this.scope, filter, Dimension.ADMINISTRATION));
		this.backOffices.setItems(this.reports.byOfficeLeg(this.scope, filter));
		List<Figures> topicFigures = this.reports.breakdown(this.scope, filter, Dimension.TOPIC);
		this.byTopic.setItems(topicFigures);
		this.byChannel.setItems(this.reports.breakdown(this.scope, filter, Dimension.CHANNEL));
		this.byTopicClass.setItems(this.reports.breakdown(this.scope, filter, Dimension.TOPIC_CLASS));
		this.byOutcome.setItems(this.reports.breakdown(this.scope, filter, Dimension.OUTCOME_CLASS));
		Figures every = this.reports.everyCase(this.scope, filter);
		List<Rating> ratingRows = List.of(new Rating("POSITIVE", every.positive(), every.positiveRate()),
				new Rating("NEUTRAL", every.neutral(), every.neutralRate()),
				new Rating("NEGATIVE", every.negative(), every.negativeRate()));
		this.ratings.setItems(ratingRows);
		drawCharts(byMonth, topicFigures, ratingRows);
		this.backlog.setItems(this.reports.backlog(this.scope, filter));
		showAlerts(this.reports.risingTopics(this.scope, filter));
	}

	private ReportFilter filter() {
		LocalDate start = this.from.getValue();
		LocalDate end = this.to.getValue();
		return (start == null || end == null || end.isBefore(start)) ? null : new ReportFilter(start, end,
				this.administration.getValue(), this.topic.getValue(), this.channel.getValue());
	}

	/**
	 * Prepares the export in the background with a progress bar; when it is ready, a link
	 * downloads it (the page stays usable meanwhile).
	 */
	private void export(ReportExports.Format format) {
		ReportFilter filter = filter();
		if (filter == null) {
			this.exportStatus.setText(getTranslation("reports.period-invalid"));
			return;
		}
		if (this.exporting) {
			this.exportStatus.setText(getTranslation("reports.export.busy"));
			return;
		}
		forgetExport();
		this.exporting = true;
		long rows = this.exports.rows(this.scope, filter);
		UI ui = UI.getCurrent();
		I18NProvider texts = VaadinService.getCurrent().getInstantiator().getI18NProvider();
		Locale locale = getLocale();
		ReportLabels labels = new ReportLabels() {
			@Override
			public String text(String key, Object... params) {
				return texts.getTranslation(key, locale, params);
			}

			@Override
			public Locale locale() {
				return locale;
			}
		};
		this.exportProgress.setMax(Math.max(rows, 1));
		this.exportProgress.setValue(0);
		this.exportProgress.setVisible(true);
		this.exportStatus.setText(getTranslation("reports.export.running", 0, rows));
		this.exports.start(this.scope, filter, format, labels, (written) -> ui.access(() -> {
			this.exportProgress.setValue(Math.min(written, Math.max(rows, 1)));
			this.exportStatus.setText(getTranslation("reports.export.running", written, rows));
		})).whenComplete((file, error) -> ui.access(() -> exported(file, error, filter, format, rows)));
	}

	private void exported(Path file, Throwable error, ReportFilter filter, ReportExports.Format format, long rows) {
		this.exporting = false;
		this.exportProgress.setVisible(false);
		if (error != null) {
			this.exportStatus.setText(getTranslation("reports.export.failed"));
			return;
		}
		this.exported = file;
		this.exportStatus.setText("");
		String name = "sportello-" + filter.from() + "-" + filter.to() + "." + format.extension();
		Anchor link = new Anchor(DownloadHandler.forFile(file.toFile(), name), AttachmentType.DOWNLOAD,
				getTranslation("reports.export.ready", rows));
		link.setId("reports-download-link");
		this.download.removeAll();
		this.download.add(link);
	}

	private void forgetExport() {
		this.download.removeAll();
		if (this.exported != null) {
			try {
				Files.deleteIfExists(this.exported);
			}
			catch (java.io.IOException ex) {
				// a temporary file: the system cleans it up
			}
			this.exported = null;
		}
	}

	private void showAlerts(List<TopicAlert> rising) {
		this.alerts.removeAll();
		if (rising.isEmpty()) {
			this.alerts.add(new Paragraph(getTranslation("reports.no-alert")));
			return;
		}
		UnorderedList list = new UnorderedList();
		rising.forEach((alert) -> list.add(new ListItem(getTranslation("reports.alert", topicName(alert.topicCode()),
				alert.lastWeek(), Math.round(alert.mean() * 10) / 10.0))));
		Paragraph title = new Paragraph(getTranslation("reports.alerts"));
		title.getStyle().set("font-weight", "600");
		this.alerts.getElement().setAttribute("role", "alert");
		this.alerts.add(title, list);
	}

	private String share(long count, double share) {
		return count + " (" + this.percent.format(share) + ")";
	}

	private String officeName(String groupId) {
		if (groupId == null) {
			return getTranslation("reports.no-office");
		}
		return this.directory.office(groupId).map(Office::name).orElse(groupId);
	}

	private String topicName(String code) {
		Topic topic = this.topics.get(code);
		if (topic == null) {
			return code;
		}
		return "en".equals(getLocale().getLanguage()) ? topic.labelEn() : topic.labelIt();
	}

	private String monthName(String yyyymm) {
		YearMonth month = YearMonth.of(Integer.parseInt(yyyymm.substring(0, 4)),
				Integer.parseInt(yyyymm.substring(4, 6)));
		return month.format(DateTimeFormatter.ofPattern("LLLL yyyy", getLocale()));
	}

	private String ageLabel(Ageing age) {
		return (age.toDays() == null) ? getTranslation("reports.age-over", age.fromDays() - 1)
				: getTranslation("reports.age-range", age.fromDays(), age.toDays());
	}

	/** "8 h 37 min", as the network reports its resolution times. */
	private String duration(Long minutes) {
		if (minutes == null) {
			return "—";
		}
		return getTranslation("reports.duration", minutes / 60, minutes % 60);
	}

	@Override
	public String getPageTitle() {
		return getTranslation("reports.title");
	}

}
