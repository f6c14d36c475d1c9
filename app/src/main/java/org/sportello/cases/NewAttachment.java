package org.sportello.cases;

/** A file to attach to a case being opened. */
public record NewAttachment(String fileName, byte[] content) {
}
