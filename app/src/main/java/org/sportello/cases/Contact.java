package org.sportello.cases;

/** The citizen's contact: the only place personal data is kept. */
public record Contact(String name, String phone, String email, boolean smsConsent, String language) {
}
