package org.sportello.cases;

/** How the citizen reached the network. */
public enum Channel {

	PHONE, SMS, EMAIL, PEC, WEB_FORM, COUNTER, FAX, LETTER

}
