package org.sportello.mail;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The unsubscribe address every email carries in {@code List-Unsubscribe}. A mail
 * client's one-click POST (RFC 8058) unsubscribes at once; a GET (a link opened, or a
 * scanner following it) only leads to the page where the citizen confirms
 * ({@code ui/UnsubscribeView}), so that nothing unsubscribes by being looked at. The
 * token is the email's own random id.
 */
@RestController
class EmailUnsubscribe {

	private final EmailOutbox outbox;

	EmailUnsubscribe(EmailOutbox outbox) {
		this.outbox = outbox;
	}

	@PostMapping("/email/unsubscribe/{token}")
	ResponseEntity<Void> oneClick(@PathVariable String token) {
		// the same answer whatever the token: it tells nothing about which emails exist
		this.outbox.unsubscribe(token);
		return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
	}

	@GetMapping("/email/unsubscribe/{token}")
	ResponseEntity<Void> page(@PathVariable String token) {
		String safe = token.replaceAll("[^0-9a-fA-F-]", "");
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/disiscrizione/" + safe)).build();
	}

}
