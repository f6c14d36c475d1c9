package org.sportello.cases;

/**
 * How the citizen reached the network. {@link #OPEN311}: a civic app through the Open311
 * API; {@link #EXCHANGE}: another installation sent the case (its own channel is in its
 * case). Operators never pick these two ({@link #operatorChannels()}).
 */
public enum Channel {

	PHONE, SMS, EMAIL, PEC, WEB_FORM, COUNTER, FAX, LETTER, OPEN311, EXCHANGE;

	/** The channels a front-office operator records a contact from. */
	public static java.util.List<Channel> operatorChannels() {
		return java.util.Arrays.stream(values()).filter((c) -> c != OPEN311 && c != EXCHANGE).toList();
	}

}
