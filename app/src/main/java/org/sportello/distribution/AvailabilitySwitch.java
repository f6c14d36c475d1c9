package org.sportello.distribution;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import org.sportello.directory.Skill;

/**
 * A front-office operator's availability (on duty, on a break, off), shown above the
 * inbox: on duty counts in the capacity of the operator's front offices until the end of
 * the working day, which the switch says; and the operator's own skills, which the
 * offices offer while the operator is on duty.
 */
public class AvailabilitySwitch extends HorizontalLayout {

	private static final ZoneId ROME = ZoneId.of("Europe/Rome");

	private final transient Availability availability;

	private final String user;

	private final RadioButtonGroup<DutyState> state = new RadioButtonGroup<>();

	private final Span until = new Span();

	private final MultiSelectComboBox<Skill> skills = new MultiSelectComboBox<>();

	public AvailabilitySwitch(Availability availability, String user) {
		this.availability = availability;
		this.user = user;
		setId("availability");
		setAlignItems(FlexComponent.Alignment.BASELINE);
		setWrap(true);
		this.state.setId("duty-state");
		this.state.setLabel(getTranslation("duty.label"));
		// the three choices on one line
		this.state.setMinWidth("26em");
		this.state.setItems(DutyState.values());
		this.state.setItemLabelGenerator((value) -> getTranslation("duty.state." + value.name()));
		this.until.setId("duty-until");
		// screen readers announce the new end of duty when the state changes
		this.until.getElement().setAttribute("aria-live", "polite");
		show(availability.statusOf(user));
		this.state.addValueChangeListener((event) -> {
			if (event.isFromClient() && event.getValue() != null) {
				show(this.availability.set(this.user, event.getValue()));
			}
		});
		// what the operator brings to any office while on duty (languages, sign
		// language...)
		this.skills.setId("operator-skills");
		this.skills.setLabel(getTranslation("duty.skills"));
		this.skills.setItems(Skill.values());
		this.skills.setItemLabelGenerator((skill) -> getTranslation("skill." + skill.name()));
		this.skills.setValue(availability.skillsOf(user));
		this.skills.setWidth("24em");
		this.skills.addValueChangeListener((event) -> {
			if (event.isFromClient()) {
				java.util.Set<Skill> chosen = java.util.EnumSet.noneOf(Skill.class);
				chosen.addAll(event.getValue());
				this.availability.setSkills(this.user, chosen);
			}
		});
		add(this.state, this.until, this.skills);
	}

	private void show(Availability.Status status) {
		this.state.setValue(status.state());
		this.until.setText((status.until() == null) ? "" : getTranslation("duty.until",
				DateTimeFormatter.ofPattern("HH:mm").withZone(ROME).format(status.until())));
	}

}
