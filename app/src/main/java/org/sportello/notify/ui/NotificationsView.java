package org.sportello.notify.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.sportello.directory.Directory;
import org.sportello.notify.InAppNotification;
import org.sportello.notify.InAppNotifications;
import org.sportello.directory.Office;
import org.sportello.security.Roles;
import org.sportello.sla.SlaNotice;

/**
 * The official's notifications: SLA warnings and escalations addressed to them, to their
 * offices or to their role (supervisors), newest first.
 */
@Route("notifications")
@RolesAllowed({ Roles.FO, Roles.BO, Roles.SUPERVISOR, Roles.ADMIN })
public class NotificationsView extends VerticalLayout implements HasDynamicTitle {

	static final int SHOWN = 200;

	NotificationsView(InAppNotifications notifications, Directory directory, AuthenticationContext authentication) {
		String user = authentication.getPrincipalName().orElseThrow();
		List<String> groups = directory.membershipOf(user).groupIds();
		add(new H2(getTranslation("notifications.title")));
		List<InAppNotification> items = notifications.recentFor(user, groups, SHOWN);
		if (items.isEmpty()) {
			Paragraph none = new Paragraph(getTranslation("notifications.none"));
			none.setId("no-notifications");
			add(none);
			return;
		}
		DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
			.withLocale(getLocale())
			.withZone(ZoneId.of("Europe/Rome"));
		Grid<InAppNotification> grid = new Grid<>();
		grid.setId("notifications");
		grid.setAriaLabel(getTranslation("notifications.title"));
		grid.addColumn((item) -> when.format(item.createdAt()))
			.setHeader(getTranslation("notifications.when"))
			.setAutoWidth(true);
		grid.addColumn(InAppNotification::trackingCode)
			.setHeader(getTranslation("notifications.case"))
			.setAutoWidth(true);
		grid.addColumn((item) -> getTranslation("notifications.kind." + item.kind().name()))
			.setHeader(getTranslation("notifications.kind"))
			.setAutoWidth(true);
		java.util.function.Function<String, String> groupName = (
				group) -> directory.office(group).map(Office::name).orElse(group);
		grid.addColumn((item) -> (item.recipientUser() != null) ? getTranslation("notifications.to-you")
				: groupName.apply(item.recipientGroup()))
			.setHeader(getTranslation("notifications.to"))
			.setAutoWidth(true);
		grid.addColumn((item) -> SlaNotice.describe(item.detail(), this::getTranslation, groupName))
			.setHeader(getTranslation("notifications.detail"))
			.setFlexGrow(1);
		grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES,
				GridVariant.LUMO_WRAP_CELL_CONTENT);
		grid.setItems(items);
		add(grid);
		setSizeFull();
	}

	@Override
	public String getPageTitle() {
		return getTranslation("notifications.title");
	}

}
