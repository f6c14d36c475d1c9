package org.sportello.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The open data, public (no login): {@code GET /api/public/open-data} lists the months
 * published, {@code GET /api/public/open-data/2031-05.csv} is one month
 * ({@link OpenData}).
 */
@RestController
@RequestMapping("/api/public/open-data")
class OpenDataApi {

	static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

	private final OpenData openData;

	private final ReportMapper mapper;

	OpenDataApi(OpenData openData, ReportMapper mapper) {
		this.openData = openData;
		this.mapper = mapper;
	}

	record Month(String month, String href) {
	}

	@GetMapping
	Map<String, Object> index() {
		List<Month> months = this.mapper.summedMonths()
			.stream()
			.map(YearMonth::from)
			.filter(this.openData::published)
			.map((month) -> new Month(month.toString(), "/api/public/open-data/" + month + ".csv"))
			.toList();
		return Map.of("description", "Sportello: cases per month by administration, topic and channel; groups under "
				+ OpenData.MINIMUM + " cases are added up in the ALTRO line", "months", months);
	}

	@GetMapping("/{month}.csv")
	ResponseEntity<byte[]> month(@PathVariable("month") String text) throws IOException {
		YearMonth month = YearMonth.parse(text);
		if (!this.openData.published(month)) {
			throw new NotPublished(month);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.openData.write(month, out);
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("sportello-" + month + ".csv").build().toString())
			.body(out.toByteArray());
	}

	static final class NotPublished extends RuntimeException {

		NotPublished(YearMonth month) {
			super(month + " has not ended yet");
		}

	}

	@ExceptionHandler(DateTimeParseException.class)
	ProblemDetail badMonth(DateTimeParseException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"month must be a year and month, as 2031-05");
		problem.setTitle("Invalid request");
		problem.setProperty("errors", List.of(Map.of("field", "month", "message", "a year and month, as 2031-05")));
		return problem;
	}

	@ExceptionHandler(NotPublished.class)
	ProblemDetail notPublished(NotPublished ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				ex.getMessage() + ": a month is published once it is over");
		problem.setTitle("Not published yet");
		return problem;
	}

}
