package org.sportello.cases;

/** An entry of the shared classification of requests. */
public record Topic(String code, String labelIt, String labelEn, String administrationCode, boolean active) {
}
