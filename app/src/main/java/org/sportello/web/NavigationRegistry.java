package org.sportello.web;

import java.util.List;

import com.vaadin.flow.component.Component;

/**
 * The entries of the side navigation. Each feature contributes its own views by declaring
 * a {@link Contribution} bean, so the shell knows no feature.
 */
public class NavigationRegistry {

	private final List<Entry> entries;

	NavigationRegistry(List<Contribution> contributions) {
		this.entries = contributions.stream()
			.flatMap((contribution) -> contribution.entries().stream())
			.sorted(java.util.Comparator.comparingInt(Entry::order))
			.toList();
	}

	List<Entry> entries() {
		return this.entries;
	}

	/**
	 * One navigation entry: the view, the translation key of its label, its place in the
	 * menu.
	 */
	public record Entry(Class<? extends Component> view, String labelKey, int order) {
	}

	/** Implemented by a feature that has views to show in the navigation. */
	public interface Contribution {

		List<Entry> entries();

	}

}
