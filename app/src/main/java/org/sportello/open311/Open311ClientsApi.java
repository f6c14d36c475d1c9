package org.sportello.open311;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Administrators manage the civic apps' keys (HTTP Basic, as the other APIs). */
@RestController
@Tag(name = "Open311 clients", description = "api_key of civic apps (administrators)")
class Open311ClientsApi {

	private final Open311Clients clients;

	Open311ClientsApi(Open311Clients clients) {
		this.clients = clients;
	}

	record NewClientRequest(String name) {
	}

	@Operation(summary = "The client applications")
	@GetMapping("/api/open311/clients")
	List<Open311Clients.Client> all() {
		return this.clients.all();
	}

	@Operation(summary = "A new client: the answer carries its api_key, shown this once")
	@PostMapping("/api/open311/clients")
	ResponseEntity<Open311Clients.NewClient> create(@RequestBody NewClientRequest request, Principal user) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.clients.create((request == null) ? null : request.name(), user.getName()));
	}

	@Operation(summary = "Enable or disable a client")
	@PutMapping("/api/open311/clients/{id}/enabled")
	ResponseEntity<Void> enable(@PathVariable("id") String id, @RequestBody Map<String, Boolean> body) {
		boolean enabled = Boolean.TRUE.equals(body.get("enabled"));
		return this.clients.setEnabled(id, enabled) ? ResponseEntity.noContent().build()
				: ResponseEntity.notFound().build();
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail invalid(IllegalArgumentException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"name: 1 to 200 characters of text");
		problem.setProperty("field", "name");
		return problem;
	}

}
