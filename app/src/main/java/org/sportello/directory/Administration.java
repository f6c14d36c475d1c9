package org.sportello.directory;

/**
 * A public administration of the network (Comune, Regione, INPS...).
 *
 * @param code stable identifier, for example {@code COMUNE-AQ}
 * @param name the name citizens know
 * @param kind municipality, region, agency... (free classification for reporting)
 * @param version optimistic-locking version
 */
public record Administration(String code, String name, String kind, int version) {
}
