package org.sportello.knowledge;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * An article's answer, written in Markdown by the administration's editors: as safe HTML
 * for pages (commonmark, then only formatting, links and tables kept by the OWASP
 * sanitizer: editors are trusted, their copy-paste is not), and as plain text for the
 * citizen's answer on a case (tracking page, messages).
 */
public final class ArticleText {

	private static final Parser PARSER = Parser.builder().build();

	private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).build();

	private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

	private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
		.and(Sanitizers.LINKS)
		.and(Sanitizers.TABLES)
		.and(new HtmlPolicyBuilder().allowElements("ul", "ol", "li", "code", "pre", "hr").toFactory());

	private ArticleText() {
	}

	public static String html(String markdown) {
		Node document = PARSER.parse((markdown != null) ? markdown : "");
		return POLICY.sanitize(HTML.render(document));
	}

	public static String plain(String markdown) {
		return TEXT.render(PARSER.parse((markdown != null) ? markdown : "")).strip();
	}

}
