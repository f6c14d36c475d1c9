package org.sportello.sla.ui;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.sportello.directory.Directory;
import org.sportello.directory.Office;
import org.sportello.security.Roles;
import org.sportello.sla.CalendarChangedException;
import org.sportello.sla.CalendarDefinition;
import org.sportello.sla.CalendarDefinition.Closure;
import org.sportello.sla.Calendars;
import org.sportello.sla.InvalidCalendarException;
import org.sportello.sla.TimeRange;

/**
 * Administrators edit the offices' business calendars: time zone, opening hours per
 * weekday, patron saint's day and closures. A calendar that cannot be used is refused
 * with the reason next to the field; the calendar in force stays. Saving moves the due
 * dates of the running SLA timers of the office.
 */
@Route("admin/calendars")
@RolesAllowed(Roles.ADMIN)
public class CalendarsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

	private final transient Calendars calendars;

	private final String user;

	private final ComboBox<String> office = new ComboBox<>();

	private final Paragraph inherited = new Paragraph();

	private final TextField zone = new TextField();

	private final Map<DayOfWeek, TextField> hours = new EnumMap<>(DayOfWeek.class);

	private final TextField patronSaint = new TextField();

	private final TextArea closures = new TextArea();

	private final Paragraph error = new Paragraph();

	private int version;

	CalendarsView(Calendars calendars, Directory directory, AuthenticationContext authentication) {
		this.calendars = calendars;
		this.user = authentication.getPrincipalName().orElseThrow();
		add(new H2(getTranslation("calendars.title")));
		add(new Paragraph(getTranslation("calendars.intro")));
		Map<String, String> names = directory.offices()
			.stream()
			.collect(Collectors.toMap(Office::groupId, Office::name, (a, b) -> a, java.util.LinkedHashMap::new));
		List<String> items = new ArrayList<>();
		items.add(Calendars.DEFAULT);
		items.addAll(names.keySet());
		this.office.setId("calendar-office");
		this.office.setLabel(getTranslation("calendars.office"));
		this.office.setItems(items);
		this.office.setItemLabelGenerator((id) -> Calendars.DEFAULT.equals(id) ? getTranslation("calendars.default")
				: names.getOrDefault(id, id) + " (" + id + ")");
		this.office.setWidth("32em");
		this.office.addValueChangeListener((event) -> {
			if (event.getValue() != null) {
				load(event.getValue());
			}
		});
		this.inherited.setId("calendar-inherited");
		FormLayout form = new FormLayout();
		this.zone.setId("calendar-zone");
		this.zone.setLabel(getTranslation("calendars.zone"));
		this.zone.setRequiredIndicatorVisible(true);
		form.add(this.zone);
		for (DayOfWeek day : DayOfWeek.values()) {
			TextField field = new TextField(day.getDisplayName(TextStyle.FULL, getLocale()));
			field.setId("hours-" + day.name().toLowerCase());
			field.setHelperText(getTranslation("calendars.hours-help"));
			this.hours.put(day, field);
			form.add(field);
		}
		this.patronSaint.setId("patron-saint");
		this.patronSaint.setLabel(getTranslation("calendars.patron-saint"));
		this.patronSaint.setHelperText(getTranslation("calendars.patron-saint-help"));
		form.add(this.patronSaint);
		this.closures.setId("closures");
		this.closures.setLabel(getTranslation("calendars.closures"));
		this.closures.setHelperText(getTranslation("calendars.closures-help"));
		form.add(this.closures, 2);
		form.setMaxWidth("60em");
		this.error.setId("calendar-error");
		this.error.getElement().setAttribute("role", "alert");
		this.error.getStyle().set("color", "var(--lumo-error-text-color)");
		Button save = new Button(getTranslation("calendars.save"), (click) -> save());
		save.setId("save-calendar");
		save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		save.addClickShortcut(Key.KEY_S, KeyModifier.CONTROL);
		add(this.office, this.inherited, form, this.error, save);
		this.office.setValue(Calendars.DEFAULT);
	}

	/** {@code ?office=<group id>} opens that office's calendar (links from elsewhere). */
	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		event.getLocation()
			.getQueryParameters()
			.getSingleParameter("office")
			.filter((id) -> this.office.getListDataView().contains(id))
			.ifPresent(this.office::setValue);
	}

	@Override
	public String getPageTitle() {
		return getTranslation("calendars.title");
	}

	private void load(String officeId) {
		CalendarDefinition own = this.calendars.ownDefinition(officeId).orElse(null);
		CalendarDefinition shown = (own != null) ? own : this.calendars.effectiveDefinition(officeId);
		this.version = (own != null) ? own.version() : 0;
		this.inherited.setText(
				(own != null) ? getTranslation("calendars.own", own.version()) : getTranslation("calendars.inherits"));
		this.zone.setValue(shown.zone());
		this.hours.forEach((day, field) -> field.setValue(shown.hoursText(day)));
		this.patronSaint.setValue(CalendarDefinition.patronSaintText(shown.patronSaint()));
		this.closures.setValue(shown.closures()
			.stream()
			.map((closure) -> DATE.format(closure.day())
					+ ((closure.reason() != null && !closure.reason().isBlank()) ? " " + closure.reason() : ""))
			.collect(Collectors.joining("\n")));
		clearErrors();
	}

	private void save() {
		clearErrors();
		String officeId = this.office.getValue();
		if (officeId == null) {
			return;
		}
		// every field is checked, and every wrong one is marked at once
		List<FieldError> errors = new ArrayList<>();
		Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
		for (Map.Entry<DayOfWeek, TextField> entry : this.hours.entrySet()) {
			try {
				week.put(entry.getKey(), CalendarDefinition.parseHours(entry.getValue().getValue()));
			}
			catch (InvalidCalendarException ex) {
				errors.add(new FieldError(entry.getValue(), ex));
			}
		}
		String zoneId = this.zone.getValue().trim();
		try {
			java.time.ZoneId.of(zoneId);
		}
		catch (java.time.DateTimeException ex) {
			errors.add(new FieldError(this.zone,
					new InvalidCalendarException("calendar.unknown-zone", zoneId, "unknown time zone " + zoneId)));
		}
		java.time.MonthDay patron = null;
		try {
			patron = CalendarDefinition.parsePatronSaint(this.patronSaint.getValue());
		}
		catch (InvalidCalendarException ex) {
			errors.add(new FieldError(this.patronSaint, ex));
		}
		List<Closure> closures = closures(errors);
		try {
			if (!errors.isEmpty()) {
				throw errors.get(0);
			}
			CalendarDefinition definition;
			try {
				definition = new CalendarDefinition(officeId, zoneId, week, patron, closures, this.version);
				definition.toCalendar();
			}
			catch (InvalidCalendarException ex) {
				errors.add(new FieldError(fieldOf(ex), ex));
				throw errors.get(0);
			}
			CalendarDefinition saved = this.calendars.save(definition, this.user);
			this.version = saved.version();
			this.inherited.setText(getTranslation("calendars.own", saved.version()));
			Notification.show(getTranslation("calendars.saved"), 4000, Notification.Position.BOTTOM_START)
				.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
		}
		catch (FieldError first) {
			List<String> messages = new ArrayList<>();
			for (FieldError error : errors) {
				String message = getTranslation(error.cause.code(), error.cause.value());
				messages.add(message);
				if (error.field instanceof TextField text) {
					text.setInvalid(true);
					text.setErrorMessage(message);
				}
				else if (error.field instanceof TextArea area) {
					area.setInvalid(true);
					area.setErrorMessage(message);
				}
			}
			this.error.setText(getTranslation("calendars.refused", String.join(" ", messages)));
		}
		catch (CalendarChangedException ex) {
			this.error.setText(getTranslation("calendars.changed-by-someone-else"));
		}
	}

	private List<Closure> closures(List<FieldError> errors) {
		List<Closure> list = new ArrayList<>();
		for (String line : this.closures.getValue().split("\\R")) {
			String trimmed = line.trim();
			if (trimmed.isEmpty()) {
				continue;
			}
			String[] parts = trimmed.split("\\s+", 2);
			try {
				list.add(new Closure(LocalDate.parse(parts[0], DATE), (parts.length > 1) ? parts[1] : null));
			}
			catch (DateTimeParseException ex) {
				errors.add(new FieldError(this.closures, new InvalidCalendarException("calendar.bad-closure", parts[0],
						"'" + parts[0] + "' is not a date")));
			}
		}
		return list;
	}

	private com.vaadin.flow.component.Component fieldOf(InvalidCalendarException ex) {
		return switch (ex.code()) {
			case "calendar.unknown-zone" -> this.zone;
			case "calendar.bad-patron-saint" -> this.patronSaint;
			case "calendar.duplicate-closure", "calendar.bad-closure" -> this.closures;
			default -> overlappingDay(ex);
		};
	}

	/** The weekday named in an overlap message, else Monday's field. */
	private TextField overlappingDay(InvalidCalendarException ex) {
		for (DayOfWeek day : DayOfWeek.values()) {
			if (ex.getMessage() != null && ex.getMessage().contains(day.name())) {
				return this.hours.get(day);
			}
		}
		return this.hours.get(DayOfWeek.MONDAY);
	}

	private void clearErrors() {
		this.error.setText("");
		this.zone.setInvalid(false);
		this.patronSaint.setInvalid(false);
		this.closures.setInvalid(false);
		this.hours.values().forEach((field) -> field.setInvalid(false));
	}

	/** An invalid input and the field it belongs to. */
	private static final class FieldError extends RuntimeException {

		private final transient com.vaadin.flow.component.Component field;

		private final InvalidCalendarException cause;

		FieldError(com.vaadin.flow.component.Component field, InvalidCalendarException cause) {
			super(cause.getMessage(), cause, false, false);
			this.field = field;
			this.cause = cause;
		}

	}

}
