package org.sportello.documents;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;

/**
 * Requests for documents as the citizen and the officials read them: which administration
 * asks, for what, by which day, and what became of each.
 */
public class DocumentRequestList extends Composite<Div> {

	public DocumentRequestList(String id, List<AskedDocuments> requests) {
		Div list = getContent();
		list.setId(id);
		DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale());
		DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(getLocale())
			.withZone(ZoneId.of("Europe/Rome"));
		for (AskedDocuments request : requests) {
			Div one = new Div();
			one.addClassName("document-request");
			one.getStyle()
				.set("border", "1px solid var(--lumo-contrast-20pct)")
				.set("border-radius", "var(--lumo-border-radius-m)")
				.set("padding", "0 var(--lumo-space-m)")
				.set("margin-bottom", "var(--lumo-space-s)");
			one.getElement().setAttribute("data-status", request.status().name());
			String who = (request.administration() != null) ? request.administration() : getTranslation("app.title");
			Paragraph heading = new Paragraph(getTranslation("documents.asked-by", who,
					when.format(request.requestedAt()), day.format(request.dueOn())));
			heading.getStyle().set("font-weight", "600").set("margin-bottom", "0");
			one.add(heading);
			if (!request.documents().isEmpty()) {
				UnorderedList kinds = new UnorderedList();
				kinds.addClassName("document-kinds");
				for (String kind : request.documents()) {
					kinds.add(new ListItem(label(kind)));
				}
				one.add(kinds);
			}
			if (request.message() != null) {
				// the official's text as written: set as text, never as markup
				Paragraph message = new Paragraph(request.message());
				message.getStyle().set("white-space", "pre-line").set("margin-top", "0.25em");
				one.add(message);
			}
			Paragraph status = new Paragraph(getTranslation("documents.status." + request.status().name()));
			status.addClassName("document-request-status");
			status.getStyle().set("font-style", "italic");
			one.add(status);
			list.add(one);
		}
	}

	/**
	 * The kind's name in the user's language; a kind a designer added to the form without
	 * a translation shows its code.
	 */
	private String label(String kind) {
		String key = "document." + kind;
		String text = getTranslation(key);
		return (text == null || text.isBlank() || text.startsWith("!")) ? kind : text;
	}

}
