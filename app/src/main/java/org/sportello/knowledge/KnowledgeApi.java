package org.sportello.knowledge;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exchange of an administration's articles with its own knowledge base: export and import
 * as JSON or CSV. Supervisors keep the articles of their offices' administrations,
 * administrators those of every administration; others get 403.
 */
@RestController
@RequestMapping("/api/kb")
class KnowledgeApi {

	static final MediaType CSV = MediaType.parseMediaType("text/csv");

	private final ArticleTransfer transfer;

	private final KnowledgeBase knowledge;

	KnowledgeApi(ArticleTransfer transfer, KnowledgeBase knowledge) {
		this.transfer = transfer;
		this.knowledge = knowledge;
	}

	@GetMapping(path = "/articles", produces = { MediaType.APPLICATION_JSON_VALUE, "text/csv" })
	ResponseEntity<?> export(@RequestParam(name = "administration", required = false) String administration,
			@RequestParam(name = "format", defaultValue = "json") String format, Principal user) {
		Set<String> allowed = kept(user);
		Set<String> wanted = (administration != null) ? Set.of(administration) : allowed;
		if (!allowed.containsAll(wanted)) {
			throw new NotYoursException();
		}
		List<ArticleRow> rows = this.transfer.export(wanted);
		if ("csv".equals(format)) {
			return ResponseEntity.ok()
				.contentType(new MediaType(CSV, java.nio.charset.StandardCharsets.UTF_8))
				.body(this.transfer.csv(rows));
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(rows);
	}

	@PostMapping(path = "/articles/import", consumes = MediaType.APPLICATION_JSON_VALUE)
	ArticleTransfer.Outcome importJson(@RequestBody List<ArticleRow> rows, Principal user) {
		return this.transfer.importRows(rows, kept(user), user.getName());
	}

	@PostMapping(path = "/articles/import", consumes = "text/csv")
	ArticleTransfer.Outcome importCsv(@RequestBody String csv, Principal user) {
		Set<String> allowed = kept(user);
		return this.transfer.importRows(this.transfer.readCsv(csv), allowed, user.getName());
	}

	/** The administrations whose articles the user keeps; none: 403. */
	private Set<String> kept(Principal user) {
		Set<String> kept = this.knowledge.keptBy(user.getName());
		if (kept.isEmpty()) {
			throw new NotYoursException();
		}
		return kept;
	}

	static final class NotYoursException extends RuntimeException {

		NotYoursException() {
			super("not allowed", null, false, false);
		}

	}

	@ExceptionHandler(NotYoursException.class)
	ProblemDetail forbidden() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
				"Articles are kept by supervisors of the owning administration and by administrators.");
		problem.setTitle("Not allowed");
		return problem;
	}

	@ExceptionHandler(ArticleRefusedException.class)
	ProblemDetail refused(ArticleRefusedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The file is not CSV with the export's header (slug,administration,topic,...).");
		problem.setTitle("Invalid request");
		problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", "not readable")));
		return problem;
	}

}
