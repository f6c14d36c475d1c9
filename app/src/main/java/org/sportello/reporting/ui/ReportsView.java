package org.sportello.reporting.ui;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.sportello.directory.Directory;
import org.sportello.directory.Office;
import org.sportello.reporting.FrontOfficeFigures;
import org.sportello.reporting.ReportFilter;
import org.sportello.reporting.ReportScope;
import org.sportello.reporting.Reports;
import org.sportello.security.Roles;

/**
 * The front offices' figures for a period: how many cases each opened, how many it closed
 * on the spot and how many of those with a knowledge-base answer, and the mean time to
 * resolution; the same month by month. The hub's supervisors see the network, an
 * administration's supervisors their own front offices.
 */
@Route("reports")
@RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
public class ReportsView extends VerticalLayout implements HasDynamicTitle {

	private final transient Reports reports;

	private final transient Directory directory;

	private final ReportScope scope;

	private final DatePicker from = new DatePicker();

	private final DatePicker to = new DatePicker();

	private final ComboBox<String> administration = new ComboBox<>();

	private final Paragraph summary = new Paragraph();

	private final Grid<FrontOfficeFigures> offices;

	private final Grid<FrontOfficeFigures> months;

	private final NumberFormat percent;

	ReportsView(Reports reports, Directory directory, Clock clock, AuthenticationContext authentication) {
		this.reports = reports;
		this.directory = directory;
		this.scope = reports.scopeOf(authentication.getPrincipalName().orElseThrow());
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
		this.summary.setId("reports-summary");
		this.summary.getElement().setAttribute("role", "status");
		this.offices = grid("reports-offices", (row) -> officeName(row.label()), true);
		this.months = grid("reports-months", (row) -> monthName(row.label()), false);
		add(new H2(getTranslation("reports.title")), new Paragraph(getTranslation("reports.intro")),
				new FlexLayout(this.from, this.to, this.administration), this.summary,
				heading("reports.by-office", this.offices), this.offices, heading("reports.by-month", this.months),
				this.months);
		styleFilters();
		refresh();
	}

	private void styleFilters() {
		this.from.getStyle().set("margin-right", "var(--lumo-space-m)");
		this.to.getStyle().set("margin-right", "var(--lumo-space-m)");
	}

	private Grid<FrontOfficeFigures> grid(String id, Function<FrontOfficeFigures, String> label,
			boolean withAdministration) {
		Grid<FrontOfficeFigures> grid = new Grid<>();
		grid.setId(id);
		grid.setAllRowsVisible(true);
		grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
		grid.setEmptyStateText(getTranslation("reports.none"));
		grid.addColumn(label::apply)
			.setHeader(header(withAdministration ? "reports.office" : "reports.month"))
			.setFlexGrow(3);
		if (withAdministration) {
			grid.addColumn((row) -> this.directory.administrationName(row.administration()))
				.setHeader(header("reports.administration"))
				.setFlexGrow(2);
		}
		grid.addColumn(FrontOfficeFigures::cases).setHeader(header("reports.cases"));
		grid.addColumn((row) -> row.closedAtFrontOffice() + " (" + this.percent.format(row.closureRate()) + ")")
			.setHeader(header("reports.closed-fo"))
			.setFlexGrow(2);
		grid.addColumn((row) -> row.withArticle() + " (" + this.percent.format(row.articleRate()) + ")")
			.setHeader(header("reports.with-article"))
			.setFlexGrow(2);
		grid.addColumn((row) -> duration(row.meanWorkingMinutes()))
			.setHeader(header("reports.mean-working"))
			.setFlexGrow(2);
		return grid;
	}

	/** A header that wraps rather than being cut. */
	private Span header(String key) {
		Span header = new Span(getTranslation(key));
		header.getStyle().set("white-space", "normal");
		return header;
	}

	private H3 heading(String key, Grid<?> grid) {
		H3 heading = new H3(getTranslation(key));
		heading.setId(grid.getId().orElseThrow() + "-title");
		grid.getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
		return heading;
	}

	private void refresh() {
		LocalDate start = this.from.getValue();
		LocalDate end = this.to.getValue();
		this.to.setInvalid(false);
		if (start == null || end == null || end.isBefore(start)) {
			this.to.setErrorMessage(getTranslation("reports.period-invalid"));
			this.to.setInvalid(true);
			this.summary.setText(getTranslation("reports.period-invalid"));
			return;
		}
		ReportFilter filter = new ReportFilter(start, end, this.administration.getValue());
		FrontOfficeFigures total = this.reports.total(this.scope, filter);
		this.summary.setText(getTranslation("reports.summary", total.cases(), total.closedAtFrontOffice(),
				this.percent.format(total.closureRate()), total.withArticle(), this.percent.format(total.articleRate()),
				duration(total.meanWorkingMinutes()), duration(total.meanCalendarMinutes())));
		this.offices.setItems(this.reports.byFrontOffice(this.scope, filter));
		this.months.setItems(this.reports.byMonth(this.scope, filter));
	}

	private String officeName(String groupId) {
		if (groupId == null) {
			return getTranslation("reports.no-office");
		}
		return this.directory.office(groupId).map(Office::name).orElse(groupId);
	}

	private String monthName(String yyyymm) {
		YearMonth month = YearMonth.of(Integer.parseInt(yyyymm.substring(0, 4)),
				Integer.parseInt(yyyymm.substring(4, 6)));
		return month.format(DateTimeFormatter.ofPattern("LLLL yyyy", getLocale()));
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
