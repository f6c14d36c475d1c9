package org.sportello.knowledge.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Set;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.sportello.knowledge.KnowledgeBase;
import org.sportello.knowledge.KnowledgeMeasures;
import org.sportello.security.Roles;
import org.sportello.web.Tables;

/**
 * What the editors and reviewers of an administration need to keep its answers useful:
 * the network's questions without an answer, their articles past review or validity, and
 * how much each one is used and judged (last 90 days).
 */
@Route("kb/measures")
@RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN, Roles.KB_EDITOR, Roles.KB_REVIEWER })
public class KnowledgeMeasuresView extends VerticalLayout implements HasDynamicTitle {

	KnowledgeMeasuresView(KnowledgeBase knowledge, KnowledgeMeasures measures, AuthenticationContext authentication) {
		Set<String> kept = knowledge.keptBy(authentication.getPrincipalName().orElseThrow());
		DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
		DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
			.withLocale(getLocale())
			.withZone(ZoneId.of("Europe/Rome"));
		add(new H2(getTranslation("kb.measures.title")), new Paragraph(getTranslation("kb.measures.intro")),
				new RouterLink(getTranslation("kb.measures.to-editor"), KnowledgeEditorView.class));

		Grid<KnowledgeMeasures.Gap> gaps = grid("kb-gaps");
		gaps.addColumn(KnowledgeMeasures.Gap::query).setHeader(getTranslation("kb.measures.query")).setFlexGrow(4);
		gaps.addColumn((gap) -> getTranslation("language." + gap.language()))
			.setHeader(getTranslation("kb.editor.language"));
		gaps.addColumn(KnowledgeMeasures.Gap::searches).setHeader(getTranslation("kb.measures.searches"));
		gaps.addColumn((gap) -> when.format(gap.lastSearched())).setHeader(getTranslation("kb.measures.last"));
		gaps.setItems(measures.gaps());
		section("kb.measures.gaps", "kb.measures.gaps-help", gaps);

		Grid<KnowledgeMeasures.Overdue> overdue = grid("kb-overdue");
		overdue.addComponentColumn((article) -> editorLink(article))
			.setHeader(getTranslation("kb.editor.question"))
			.setFlexGrow(4);
		overdue.addColumn((article) -> knowledge.administrationName(article.administrationCode()))
			.setHeader(getTranslation("kb.editor.administration"));
		overdue.addColumn((article) -> (article.nextReview() != null) ? day.format(article.nextReview()) : "")
			.setHeader(getTranslation("kb.measures.review-due"));
		overdue.addColumn((article) -> (article.validUntil() != null) ? day.format(article.validUntil()) : "")
			.setHeader(getTranslation("kb.editor.valid-until"));
		overdue.setItems(measures.overdue(kept));
		section("kb.measures.overdue", "kb.measures.overdue-help", overdue);

		Grid<KnowledgeMeasures.Usage> usage = grid("kb-usage");
		usage.addColumn(KnowledgeMeasures.Usage::question)
			.setHeader(getTranslation("kb.editor.question"))
			.setFlexGrow(4);
		usage.addColumn(KnowledgeMeasures.Usage::uses).setHeader(getTranslation("kb.measures.uses"));
		usage.addColumn(KnowledgeMeasures.Usage::operatorsNotHelpful)
			.setHeader(getTranslation("kb.measures.not-helpful"));
		usage.addColumn(KnowledgeMeasures.Usage::citizensHelpful).setHeader(getTranslation("kb.measures.citizens-yes"));
		usage.addColumn(KnowledgeMeasures.Usage::citizensNotHelpful)
			.setHeader(getTranslation("kb.measures.citizens-no"));
		usage.setItems(measures.usage(kept));
		section("kb.measures.usage", "kb.measures.usage-help", usage);
	}

	private static RouterLink editorLink(KnowledgeMeasures.Overdue article) {
		RouterLink link = new RouterLink(article.question(), KnowledgeEditorView.class);
		link.setQueryParameters(QueryParameters.of("article", article.articleId()));
		return link;
	}

	private <T> Grid<T> grid(String id) {
		return Tables.allRows(new Grid<>(), id, getTranslation("kb.measures.none"));
	}

	private void section(String title, String help, Grid<?> grid) {
		add(Tables.heading(grid, getTranslation(title)), new Paragraph(getTranslation(help)), grid);
	}

	@Override
	public String getPageTitle() {
		return getTranslation("kb.measures.title");
	}

}
