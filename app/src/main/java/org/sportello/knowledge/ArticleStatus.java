package org.sportello.knowledge;

/** Where an article is in its life: only published ones are searched. */
public enum ArticleStatus {

	DRAFT, IN_REVIEW, PUBLISHED, WITHDRAWN

}
