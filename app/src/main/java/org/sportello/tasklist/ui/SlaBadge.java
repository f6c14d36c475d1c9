package org.sportello.tasklist.ui;

import java.time.Duration;

import com.vaadin.flow.component.html.Span;
import org.sportello.sla.SlaState;

/**
 * The SLA of a task or case as text and colour (never colour alone): state and working
 * time left. Colours keep at least 4.5:1 contrast.
 */
final class SlaBadge {

	private SlaBadge() {
	}

	static Span of(SlaState state, Duration left, java.util.function.BiFunction<String, Object[], String> i18n) {
		Span badge = new Span();
		if (state == null) {
			badge.setText("-");
			return badge;
		}
		String text = i18n.apply("sla." + state.name(), new Object[0]);
		if (left != null && (state == SlaState.ON_TRACK || state == SlaState.AT_RISK)) {
			text += " · " + i18n.apply("sla.left", new Object[] { left.toHours(), left.toMinutesPart() });
		}
		badge.setText(text);
		badge.getElement().setAttribute("data-sla", state.name());
		String[] colours = switch (state) {
			case ON_TRACK, MET -> new String[] { "#e6f4ea", "#0b5d1e" };
			case AT_RISK -> new String[] { "#fff4e5", "#7a4100" };
			case BREACHED -> new String[] { "#fde8e8", "#9b1c1c" };
			case PAUSED -> new String[] { "#eceff3", "#333b48" };
		};
		badge.getStyle()
			.set("background", colours[0])
			.set("color", colours[1])
			.set("padding", "0.1em 0.5em")
			.set("border-radius", "0.5em")
			.set("font-weight", "600")
			// a badge in a narrow column wraps rather than hide the time left
			.set("display", "inline-block");
		return badge;
	}

}
