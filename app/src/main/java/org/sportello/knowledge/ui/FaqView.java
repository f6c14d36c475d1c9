package org.sportello.knowledge.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.sportello.cases.Cases;
import org.sportello.cases.Topic;
import org.sportello.knowledge.Article;
import org.sportello.knowledge.ArticleText;
import org.sportello.knowledge.KnowledgeBase;
import org.sportello.web.PageLanguage;

/**
 * The public FAQ, no login: search the network's public answers or browse them by topic;
 * each article has a stable address ({@code /faq/{slug}}), schema.org {@code FAQPage}
 * data and "Ti è stata utile?". Operator-only articles never appear here. Italian or
 * English, one column on a phone.
 */
@Route(value = "faq/:slug?", autoLayout = false)
@AnonymousAllowed
public class FaqView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

	private final transient KnowledgeBase knowledge;

	private final transient Map<String, Topic> topics;

	private final TextField query = new TextField();

	private final Div result = new Div();

	private String slug;

	private String title;

	FaqView(KnowledgeBase knowledge, Cases cases) {
		this.knowledge = knowledge;
		this.topics = cases.topics().stream().collect(Collectors.toMap(Topic::code, (topic) -> topic));
		setMaxWidth("48em");
		getStyle().set("margin", "0 auto");
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		this.slug = event.getRouteParameters().get("slug").orElse(null);
		String q = event.getLocation().getQueryParameters().getSingleParameter("q").orElse("");
		this.query.setValue(q);
		build();
		if (this.slug != null) {
			Optional<Article> article = this.knowledge.publicArticle(this.slug);
			if (article.isPresent()) {
				showArticle(article.get());
			}
			else {
				this.title = getTranslation("faq.not-found");
				this.result.add(new H2(this.title));
				Paragraph none = new Paragraph(getTranslation("faq.not-found-text"));
				none.setId("faq-not-found");
				this.result.add(none, backToFaq());
			}
		}
		else if (!q.isBlank()) {
			search();
		}
		else {
			browse();
		}
	}

	private void build() {
		removeAll();
		this.title = getTranslation("faq.title");
		Button language = new Button(getTranslation("track.other-language"), (click) -> PageLanguage.switchLanguage());
		language.setId("language-toggle");
		language.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
		this.query.setId("faq-query");
		this.query.setLabel(getTranslation("faq.search"));
		this.query.setMaxLength(200);
		this.query.setWidthFull();
		Button search = new Button(getTranslation("faq.search-button"), (click) -> UI.getCurrent()
			.navigate("faq", com.vaadin.flow.router.QueryParameters.of("q", this.query.getValue())));
		search.setId("faq-search");
		search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		search.addClickShortcut(Key.ENTER);
		this.result.setId("faq-result");
		this.result.setWidthFull();
		// the view is reused from one search to the next: start from an empty result
		this.result.removeAll();
		add(language, new H1(getTranslation("faq.title")), new Paragraph(getTranslation("faq.intro")), this.query,
				search, this.result);
	}

	private void search() {
		List<KnowledgeBase.Found> found = this.knowledge.publicSearch(this.query.getValue(), null, 20,
				getLocale().getLanguage());
		if (found.isEmpty()) {
			Paragraph none = new Paragraph(getTranslation("faq.no-result"));
			none.setId("faq-no-result");
			this.result.add(none, notFound());
			return;
		}
		UnorderedList list = new UnorderedList();
		list.setId("faq-hits");
		for (KnowledgeBase.Found one : found) {
			Span snippet = new Span();
			snippet.getElement().setProperty("innerHTML", one.snippet());
			list.add(new ListItem(link(one.article()), new Html("<br>"), snippet));
		}
		this.result.add(new H2(getTranslation("faq.results", found.size())), list, noneUseful(), notFound());
	}

	/**
	 * "None of these answers my question": the search is kept as a gap for the editors.
	 */
	private Div noneUseful() {
		String searched = this.query.getValue();
		Paragraph thanks = new Paragraph();
		thanks.setId("faq-none-useful-thanks");
		thanks.getElement().setAttribute("role", "status");
		Button none = new Button(getTranslation("faq.none-useful"));
		none.setId("faq-none-useful");
		none.addClickListener((click) -> {
			this.knowledge.noUsefulAnswer(searched, getLocale().getLanguage());
			none.setEnabled(false);
			thanks.setText(getTranslation("faq.none-useful-thanks"));
		});
		return new Div(none, thanks);
	}

	private void browse() {
		Map<String, List<Article>> byTopic = this.knowledge.publicArticles(null)
			.stream()
			.collect(Collectors.groupingBy((article) -> (article.topicCode() != null) ? article.topicCode() : "OTHER",
					java.util.TreeMap::new, Collectors.toList()));
		for (Map.Entry<String, List<Article>> topic : byTopic.entrySet()) {
			UnorderedList list = new UnorderedList();
			// articles in the reader's language first, then the others (marked with their
			// lang)
			String reading = getLocale().getLanguage();
			topic.getValue()
				.stream()
				.sorted(java.util.Comparator.comparing((Article article) -> !article.language().equals(reading)))
				.forEach((article) -> list.add(new ListItem(link(article))));
			this.result.add(new H2(topicLabel(topic.getKey())), list);
		}
	}

	private void showArticle(Article article) {
		this.title = article.question();
		H1 question = new H1(article.question());
		question.setId("faq-question");
		Div answer = new Div(new Html("<div>" + ArticleText.html(article.answer()) + "</div>"));
		answer.setId("faq-answer");
		answer.getElement().setAttribute("lang", article.language());
		question.getElement().setAttribute("lang", article.language());
		DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
			.withLocale(getLocale())
			.withZone(ZoneId.of("Europe/Rome"));
		Paragraph owner = new Paragraph(
				getTranslation("faq.owner", this.knowledge.ownerName(article), date.format(article.updatedAt())));
		owner.setId("faq-owner");
		this.result.add(question, answer, owner);
		if (article.legalBasis() != null) {
			this.result.add(new Paragraph(getTranslation("faq.legal-basis", article.legalBasis())));
		}
		this.result.add(helpful(article), notFound(), backToFaq());
		// schema.org FAQPage, for search engines and assistants
		Element data = new Element("script");
		data.setAttribute("type", "application/ld+json");
		data.setText(faqPage(article));
		getElement().appendChild(data);
	}

	private Div helpful(Article article) {
		Div box = new Div();
		box.setId("faq-helpful");
		Paragraph thanks = new Paragraph();
		thanks.setId("faq-thanks");
		thanks.getElement().setAttribute("role", "status");
		Button yes = new Button(getTranslation("faq.helpful-yes"));
		Button no = new Button(getTranslation("faq.helpful-no"));
		yes.setId("faq-helpful-yes");
		no.setId("faq-helpful-no");
		yes.addClickListener((click) -> answered(article, true, thanks, yes, no));
		no.addClickListener((click) -> answered(article, false, thanks, yes, no));
		box.add(new Paragraph(getTranslation("faq.helpful")), new HorizontalLayout(yes, no), thanks);
		return box;
	}

	private void answered(Article article, boolean helpful, Paragraph thanks, Button yes, Button no) {
		this.knowledge.feedback(article.id(), helpful, "CITIZEN", null);
		yes.setEnabled(false);
		no.setEnabled(false);
		thanks.setText(getTranslation(helpful ? "faq.thanks" : "faq.sorry"));
	}

	private Paragraph notFound() {
		Paragraph contact = new Paragraph(getTranslation("faq.contact"));
		contact.setId("faq-contact");
		return contact;
	}

	private Anchor backToFaq() {
		Anchor back = new Anchor("faq", getTranslation("faq.back"));
		back.setId("faq-back");
		return back;
	}

	private Anchor link(Article article) {
		Anchor link = new Anchor("faq/" + article.slug(), article.question());
		link.getElement().setAttribute("lang", article.language());
		return link;
	}

	private String topicLabel(String code) {
		Topic topic = this.topics.get(code);
		if (topic == null) {
			return code;
		}
		return getLocale().getLanguage().equals("en") ? topic.labelEn() : topic.labelIt();
	}

	private static String faqPage(Article article) {
		Map<String, Object> page = Map.of("@context", "https://schema.org", "@type", "FAQPage", "mainEntity",
				List.of(Map.of("@type", "Question", "name", article.question(), "acceptedAnswer",
						Map.of("@type", "Answer", "text", ArticleText.html(article.answer())))));
		try {
			// "</" would end the script element early
			return new ObjectMapper().writeValueAsString(page).replace("</", "<\\/");
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String getPageTitle() {
		return (this.title != null) ? this.title : getTranslation("faq.title");
	}

}
