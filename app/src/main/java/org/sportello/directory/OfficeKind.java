package org.sportello.directory;

/** What an office does in the network. */
public enum OfficeKind {

	/** First contact (URP counter, contact center): answers or opens a ticket. */
	FRONT_OFFICE,

	/** Specialists of the hub who work a case before it leaves for an administration. */
	BACK_OFFICE_INTERNAL,

	/** Officials of the competent administration. */
	BACK_OFFICE_EXTERNAL,

	/** The network's coordination office (Linea Amica). */
	HUB

}
