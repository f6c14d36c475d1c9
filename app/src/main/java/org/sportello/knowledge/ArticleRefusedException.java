package org.sportello.knowledge;

/** An article's field is missing or wrong ({@link #field()} names it): nothing saved. */
public class ArticleRefusedException extends RuntimeException {

	private final String field;

	ArticleRefusedException(String field) {
		super("article refused: " + field);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
