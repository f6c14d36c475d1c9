package org.sportello.reporting;

/**
 * A topic rising unusually: the last seven days of the period above the mean plus two
 * standard deviations of the eight weeks before.
 */
public record TopicAlert(String topicCode, long lastWeek, double mean, double threshold) {
}
