package org.sportello.knowledge;

/**
 * The front office closed a case with an article's answer; published in the transaction
 * that links them.
 */
public record ArticleUsed(String caseId, String articleId) {
}
