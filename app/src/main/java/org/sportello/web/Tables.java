package org.sportello.web;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;

/**
 * Tables of figures and short lists (reports, measures): every row shown, compact, long
 * texts wrapped, a sentence when empty, and a heading that names the table for screen
 * readers.
 */
public final class Tables {

	private Tables() {
	}

	public static <T> Grid<T> allRows(Grid<T> grid, String id, String emptyText) {
		grid.setId(id);
		grid.setAllRowsVisible(true);
		grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
		grid.setEmptyStateText(emptyText);
		return grid;
	}

	/** The table's heading, which names it ({@code aria-labelledby}). */
	public static H3 heading(Grid<?> grid, String text) {
		H3 heading = new H3(text);
		heading.setId(grid.getId().orElseThrow() + "-title");
		grid.getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
		return heading;
	}

}
