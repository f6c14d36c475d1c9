package org.sportello.reporting;

/** Cases still open by how long ago they were opened (days, both ends included). */
public record Ageing(int fromDays, Integer toDays, long cases) {
}
