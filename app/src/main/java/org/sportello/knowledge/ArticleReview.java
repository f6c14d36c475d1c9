package org.sportello.knowledge;

import java.time.LocalDate;

/**
 * Where an article stands with its reviewers: their last note to the editors and the day
 * of its next periodic review (null while it is not published).
 */
public record ArticleReview(String note, LocalDate nextReview) {
}
