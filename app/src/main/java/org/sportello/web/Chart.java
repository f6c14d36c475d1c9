package org.sportello.web;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;

/**
 * A bar or line chart drawn in the browser by Apache ECharts (npm package, free):
 * categories along the x axis and one or more series of numbers. It is an image for
 * assistive technology (role img, with a label); the table beside it is the accessible
 * form of the same figures, so the label says where the figures are.
 */
@Tag("sportello-chart")
@NpmPackage(value = "echarts", version = "6.0.0")
@JsModule("./chart.js")
public class Chart extends Component implements HasSize {

	/** One series: its name (legend), bar or line, and a value per category. */
	public record Series(String name, Kind kind, List<? extends Number> values) {
	}

	public enum Kind {

		BAR, LINE

	}

	public Chart(String label) {
		// a custom element is inline by default: ECharts needs a box to measure
		getElement().getStyle().set("display", "block");
		setWidthFull();
		setHeight("280px");
		getElement().setAttribute("role", "img");
		getElement().setAttribute("aria-label", label);
	}

	/** Draws the chart again with these categories and series. */
	public void show(List<String> categories, List<Series> series) {
		JsonObject option = Json.createObject();
		option.put("animation", false);
		JsonObject tooltip = Json.createObject();
		tooltip.put("trigger", "axis");
		option.put("tooltip", tooltip);
		JsonObject legend = Json.createObject();
		legend.put("top", 0);
		option.put("legend", legend);
		JsonObject grid = Json.createObject();
		grid.put("left", 48);
		grid.put("right", 16);
		grid.put("top", 36);
		grid.put("bottom", 48);
		option.put("grid", grid);
		JsonObject x = Json.createObject();
		x.put("type", "category");
		x.put("data", strings(categories));
		JsonObject labels = Json.createObject();
		labels.put("interval", 0);
		labels.put("rotate", categories.size() > 8 ? 30 : 0);
		x.put("axisLabel", labels);
		option.put("xAxis", x);
		JsonObject y = Json.createObject();
		y.put("type", "value");
		// counts of cases: no 0.2 steps
		y.put("minInterval", 1);
		option.put("yAxis", y);
		JsonArray all = Json.createArray();
		for (Series one : series) {
			JsonObject entry = Json.createObject();
			entry.put("name", one.name());
			entry.put("type", one.kind() == Kind.LINE ? "line" : "bar");
			entry.put("barMaxWidth", 48);
			JsonArray values = Json.createArray();
			for (int i = 0; i < one.values().size(); i++) {
				values.set(i, one.values().get(i).doubleValue());
			}
			entry.put("data", values);
			all.set(all.length(), entry);
		}
		option.put("series", all);
		getElement().setPropertyJson("option", option);
	}

	private static JsonArray strings(List<String> values) {
		JsonArray array = Json.createArray();
		for (int i = 0; i < values.size(); i++) {
			array.set(i, values.get(i));
		}
		return array;
	}

}
