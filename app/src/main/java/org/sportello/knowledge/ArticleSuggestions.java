package org.sportello.knowledge;

import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/**
 * The knowledge base's best answers for what the front-office operator is typing: each
 * suggestion opens to its answer (rendered safely) with "Risolvi con questa risposta",
 * which hands the article to the console. Keyboard: each suggestion is a disclosure
 * button, the action a button inside it.
 */
public class ArticleSuggestions extends Div {

	private final transient KnowledgeBase knowledge;

	private final transient Consumer<Article> resolveWith;

	private String shownFor = "";

	public ArticleSuggestions(KnowledgeBase knowledge, Consumer<Article> resolveWith) {
		this.knowledge = knowledge;
		this.resolveWith = resolveWith;
		setId("kb-suggestions");
		getElement().setAttribute("aria-live", "polite");
	}

	/**
	 * Shows the suggestions for this text (nothing for a text of under three letters).
	 */
	public void showFor(String text) {
		String typed = (text != null) ? text.strip() : "";
		if (typed.equals(this.shownFor)) {
			return;
		}
		this.shownFor = typed;
		// what the suggestions answer (tests and assistive tools can tell they are up to
		// date)
		getElement().setAttribute("data-for", typed);
		removeAll();
		if (typed.length() < 3) {
			return;
		}
		List<KnowledgeBase.Found> found = this.knowledge.suggestions(typed);
		if (found.isEmpty()) {
			add(new Paragraph(getTranslation("kb.suggestions.none")));
			return;
		}
		add(new H3(getTranslation("kb.suggestions.title")));
		int n = 0;
		for (KnowledgeBase.Found one : found) {
			Article article = one.article();
			Div body = new Div();
			Span snippet = new Span();
			snippet.getElement().setProperty("innerHTML", one.snippet());
			snippet.addClassName("kb-snippet");
			body.add(new Html("<div class=\"kb-answer\">" + ArticleText.html(article.answer()) + "</div>"));
			Paragraph owner = new Paragraph(getTranslation("kb.owner", this.knowledge.ownerName(article))
					+ (article.isPublic() ? "" : " - " + getTranslation("kb.operators-only")));
			owner.addClassName("kb-owner");
			Button resolve = new Button(getTranslation("kb.resolve-with"), (click) -> this.resolveWith.accept(article));
			resolve.setId("kb-resolve-" + n);
			resolve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
			body.add(owner,
					new com.vaadin.flow.component.orderedlayout.HorizontalLayout(resolve, notHelpful(article, n)));
			Span summary = new Span(new Span(article.question()), new Html("<br>"), snippet);
			summary.getStyle().set("white-space", "normal");
			Details details = new Details(summary, body);
			details.setId("kb-suggestion-" + n);
			details.addClassName("kb-suggestion");
			add(details);
			n++;
		}
	}

	/**
	 * "Non utile": the operator says why the answer did not fit (kept for the editors,
	 * without the citizen's request).
	 */
	private Div notHelpful(Article article, int n) {
		com.vaadin.flow.component.textfield.TextField reason = new com.vaadin.flow.component.textfield.TextField();
		reason.setLabel(getTranslation("kb.not-helpful-reason"));
		reason.setMaxLength(500);
		reason.setWidth("22em");
		reason.setId("kb-not-helpful-reason-" + n);
		Span done = new Span();
		done.setId("kb-not-helpful-done-" + n);
		done.getElement().setAttribute("role", "status");
		Button send = new Button(getTranslation("kb.not-helpful"), (click) -> {
			this.knowledge.feedback(article.id(), false, "OPERATOR", reason.getValue());
			done.setText(getTranslation("kb.not-helpful-done"));
			reason.setEnabled(false);
			click.getSource().setEnabled(false);
		});
		send.setId("kb-not-helpful-" + n);
		send.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
		return new Div(reason, send, done);
	}

}
