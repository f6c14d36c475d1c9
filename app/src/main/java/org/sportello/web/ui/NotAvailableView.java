package org.sportello.web.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.sportello.web.MainLayout;

/**
 * Unknown pages and pages the user may not open look the same (Vaadin maps a denied route
 * to "not found"), so a page's existence is not revealed; the user stays in the
 * application's shell.
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
class NotAvailableView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

	@Override
	public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
		removeAll();
		setId("not-available");
		add(new H2(getTranslation("error.not-available.title")),
				new Paragraph(getTranslation("error.not-available.text")));
		return HttpServletResponse.SC_NOT_FOUND;
	}

}
