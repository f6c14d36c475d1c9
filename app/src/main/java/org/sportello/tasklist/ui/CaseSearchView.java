package org.sportello.tasklist.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.sportello.cases.CaseSearch;
import org.sportello.cases.CaseStatus;
import org.sportello.cases.CaseSummary;
import org.sportello.cases.Cases;
import org.sportello.cases.Topic;
import org.sportello.directory.Administration;
import org.sportello.directory.Directory;
import org.sportello.security.Roles;

/**
 * Finding a case, with or without open tasks: by tracking code, citizen's name, phone or
 * email, status, topic, administration, period, open or finished. Paged on the server;
 * the same access rules as for reading a case (back offices find their administrations'
 * cases).
 */
@Route("cases")
@RolesAllowed({ Roles.BO, Roles.FO, Roles.SUPERVISOR, Roles.ADMIN })
public class CaseSearchView extends VerticalLayout implements HasDynamicTitle {

	private final transient Cases cases;

	private final String user;

	private final TextField text = new TextField();

	private final Select<CaseStatus> status = new Select<>();

	private final ComboBox<Topic> topic = new ComboBox<>();

	private final ComboBox<Administration> administration = new ComboBox<>();

	private final DatePicker from = new DatePicker();

	private final DatePicker until = new DatePicker();

	private final Select<String> openOrFinished = new Select<>();

	private final Grid<CaseSummary> grid = new Grid<>();

	private final com.vaadin.flow.component.html.Paragraph found = new com.vaadin.flow.component.html.Paragraph();

	CaseSearchView(Cases cases, Directory directory, AuthenticationContext authentication) {
		this.cases = cases;
		this.user = authentication.getPrincipalName().orElseThrow();
		setSizeFull();
		add(new H2(getTranslation("search.title")), new Paragraph(getTranslation("search.intro")));
		boolean english = getLocale().getLanguage().equals("en");
		this.text.setLabel(getTranslation("search.text"));
		this.text.setId("search-text");
		this.text.setHelperText(getTranslation("search.text-help"));
		this.text.setValueChangeMode(ValueChangeMode.LAZY);
		this.text.setClearButtonVisible(true);
		this.text.setWidth("22em");
		this.status.setLabel(getTranslation("search.status"));
		this.status.setId("search-status");
		this.status.setItems(CaseStatus.values());
		this.status.setEmptySelectionAllowed(true);
		this.status.setItemLabelGenerator(
				(s) -> (s == null) ? getTranslation("inbox.filter.any") : getTranslation("status." + s.name()));
		this.topic.setLabel(getTranslation("inbox.filter.topic"));
		this.topic.setItems(cases.topics());
		this.topic.setItemLabelGenerator((t) -> english ? t.labelEn() : t.labelIt());
		this.topic.setClearButtonVisible(true);
		this.administration.setLabel(getTranslation("inbox.filter.administration"));
		this.administration.setItems(directory.administrations());
		this.administration.setItemLabelGenerator(Administration::name);
		this.administration.setClearButtonVisible(true);
		this.from.setLabel(getTranslation("search.from"));
		this.until.setLabel(getTranslation("search.until"));
		this.from.setLocale(getLocale());
		this.until.setLocale(getLocale());
		this.openOrFinished.setLabel(getTranslation("search.open"));
		this.openOrFinished.setId("search-open");
		this.openOrFinished.setItems("", "open", "finished");
		this.openOrFinished.setItemLabelGenerator((v) -> getTranslation("search.open." + (v.isEmpty() ? "any" : v)));
		this.openOrFinished.setValue("");
		FlexLayout filters = new FlexLayout(this.text, this.status, this.topic, this.administration, this.from,
				this.until, this.openOrFinished);
		filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
		filters.setAlignItems(FlexComponent.Alignment.BASELINE);
		filters.getStyle().set("gap", "var(--lumo-space-m)");

		DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
			.withLocale(getLocale())
			.withZone(java.time.ZoneId.of("Europe/Rome"));
		this.grid.setId("case-search");
		this.grid.setAriaLabel(getTranslation("search.title"));
		this.grid.addColumn(CaseSummary::trackingCode).setHeader(getTranslation("inbox.col.code")).setAutoWidth(true);
		this.grid.addColumn(CaseSummary::citizenName).setHeader(getTranslation("search.citizen")).setAutoWidth(true);
		this.grid.addColumn((c) -> getTranslation("status." + c.status().name()))
			.setHeader(getTranslation("search.status"))
			.setAutoWidth(true);
		this.grid.addColumn(
				(c) -> cases.topic(c.topicCode()).map((t) -> english ? t.labelEn() : t.labelIt()).orElse(c.topicCode()))
			.setHeader(getTranslation("inbox.filter.topic"))
			.setAutoWidth(true);
		this.grid.addColumn((c) -> getTranslation("channel." + c.channel().name()))
			.setHeader(getTranslation("inbox.filter.channel"))
			.setAutoWidth(true);
		this.grid.addColumn((c) -> when.format(c.createdAt()))
			.setHeader(getTranslation("search.opened"))
			.setAutoWidth(true);
		this.grid.addColumn((c) -> when.format(c.updatedAt()))
			.setHeader(getTranslation("search.updated"))
			.setAutoWidth(true);
		this.grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		this.grid.setEmptyStateText(getTranslation("search.none"));
		this.grid.addItemClickListener((event) -> open(event.getItem()));
		this.grid.addItemDoubleClickListener((event) -> open(event.getItem()));
		// pages are fetched as the user scrolls, without counting every match first; the
		// count above the grid stops at Cases.COUNT_CAP
		this.grid.setItems((com.vaadin.flow.data.provider.CallbackDataProvider.FetchCallback<CaseSummary, Void>) (
				query) -> this.cases.search(search(), this.user, query.getOffset(), query.getLimit()).stream());
		this.text.addValueChangeListener((e) -> refresh());
		this.status.addValueChangeListener((e) -> refresh());
		this.topic.addValueChangeListener((e) -> refresh());
		this.administration.addValueChangeListener((e) -> refresh());
		this.from.addValueChangeListener((e) -> refresh());
		this.until.addValueChangeListener((e) -> refresh());
		this.openOrFinished.addValueChangeListener((e) -> refresh());
		this.found.setId("search-found");
		this.found.getElement().setAttribute("aria-live", "polite");
		add(filters, this.found, this.grid);
		showCount();
	}

	/** "37 pratiche", or "più di 1.000" (counting everything would cost seconds). */
	private void showCount() {
		int count = this.cases.count(search(), this.user);
		this.found.setText((count > Cases.COUNT_CAP)
				? getTranslation("search.found-more",
						java.text.NumberFormat.getIntegerInstance(getLocale()).format(Cases.COUNT_CAP))
				: getTranslation("search.found", count));
	}

	private CaseSearch search() {
		String open = this.openOrFinished.getValue();
		return new CaseSearch(this.text.getValue(), this.status.getValue(),
				(this.topic.getValue() != null) ? this.topic.getValue().code() : null,
				(this.administration.getValue() != null) ? this.administration.getValue().code() : null,
				this.from.getValue(), this.until.getValue(),
				(open == null || open.isEmpty()) ? null : Boolean.valueOf("open".equals(open)));
	}

	private void refresh() {
		this.grid.getDataProvider().refreshAll();
		showCount();
	}

	private void open(CaseSummary kase) {
		getUI().ifPresent((ui) -> ui.navigate("cases/" + kase.trackingCode()));
	}

	@Override
	public String getPageTitle() {
		return getTranslation("search.title");
	}

}
