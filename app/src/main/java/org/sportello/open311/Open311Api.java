package org.sportello.open311;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.sportello.cases.CaseStatus;
import org.sportello.cases.Cases;
import org.sportello.cases.Channel;
import org.sportello.cases.FreeText;
import org.sportello.cases.OpenedCase;
import org.sportello.cases.Topic;
import org.sportello.intake.IntakeRequest;
import org.sportello.intake.InvalidRequestException;
import org.sportello.intake.SelfIntake;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2 at {@code /open311/v2}: civic apps discover the services (the
 * topic catalogue), file requests with their {@code api_key} (cases with channel OPEN311,
 * flowing as any other) and follow them. Answers carry no personal data: code, service,
 * status, dates, the administrations in charge. Status: {@code open} until the case is
 * over, then {@code closed}; mySociety's request updates say more (see docs/open311.md).
 * Every answer exists as {@code .json} and {@code .xml}; errors are the specification's
 * list of {@code code} and {@code description}.
 */
@RestController
@RequestMapping("/open311/v2")
@Tag(name = "Open311", description = "GeoReport v2 for civic apps; see docs/open311.md")
class Open311Api {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private static final Duration MAX_SPAN = Duration.ofDays(90);

	private static final Set<CaseStatus> CLOSED = Set.of(CaseStatus.RISOLTA, CaseStatus.CHIUSA,
			CaseStatus.NON_DI_COMPETENZA);

	private final Cases cases;

	private final SelfIntake intake;

	private final Open311Clients clients;

	private final Open311Mapper mapper;

	private final ObjectMapper json;

	private final Clock clock;

	private final ZoneId zone;

	private final String publicUrl;

	Open311Api(Cases cases, SelfIntake intake, Open311Clients clients, Open311Mapper mapper, ObjectMapper json,
			Clock clock, @Value("${sportello.time-zone}") String zone,
			@Value("${sportello.public-url}") String publicUrl) {
		this.cases = cases;
		this.intake = intake;
		this.clients = clients;
		this.mapper = mapper;
		this.json = json;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
		this.publicUrl = publicUrl.replaceAll("/+$", "");
	}

	/** A refusal in the specification's error format. */
	static class Open311Exception extends RuntimeException {

		final HttpStatus status;

		Open311Exception(HttpStatus status, String description) {
			super(description);
			this.status = status;
		}

	}

	@Operation(summary = "Discovery")
	@GetMapping("/discovery.{format}")
	ResponseEntity<String> discovery(@PathVariable("format") String format) {
		Map<String, Object> endpoint = new LinkedHashMap<>();
		endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
		endpoint.put("url", this.publicUrl + "/open311/v2");
		endpoint.put("changeset", "2026-12-07T00:00:00Z");
		endpoint.put("type", "production");
		endpoint.put("formats", List.of("text/xml", "application/json"));
		Map<String, Object> discovery = new LinkedHashMap<>();
		discovery.put("changeset", "2026-12-07T00:00:00Z");
		discovery.put("contact", "Sportello per il cittadino - " + this.publicUrl);
		discovery.put("key_service", this.publicUrl + " (le chiavi sono rilasciate dagli amministratori)");
		discovery.put("endpoints", List.of(endpoint));
		return render(format, HttpStatus.OK, "discovery", null, discovery);
	}

	@Operation(summary = "Service list: the topic catalogue")
	@GetMapping("/services.{format}")
	ResponseEntity<String> services(@PathVariable("format") String format,
			@RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
			@RequestParam(name = "locale", required = false) String locale) {
		Locale language = language(locale);
		List<Map<String, Object>> services = new ArrayList<>();
		for (Topic topic : activeTopics()) {
			Map<String, Object> service = new LinkedHashMap<>();
			service.put("service_code", topic.code());
			service.put("service_name", topic.label(language));
			service.put("description", topic.label(language));
			service.put("metadata", true);
			service.put("type", "batch");
			service.put("keywords", topic.code().toLowerCase(Locale.ROOT).replace('_', ','));
			service.put("group", topic.administrationCode());
			services.add(service);
		}
		return render(format, HttpStatus.OK, "services", "service", services);
	}

	@Operation(summary = "Service definition: the attributes a request may carry")
	@GetMapping("/services/{code}.{format}")
	ResponseEntity<String> definition(@PathVariable("code") String code, @PathVariable("format") String format,
			@RequestParam(name = "locale", required = false) String locale) {
		requireFormat(format);
		Topic topic = service(code);
		boolean english = "en".equals(language(locale).getLanguage());
		Map<String, Object> municipality = new LinkedHashMap<>();
		municipality.put("variable", true);
		municipality.put("code", "comune");
		municipality.put("datatype", "string");
		municipality.put("required", false);
		municipality.put("datatype_description", english ? "Name of the municipality" : "Nome del comune");
		municipality.put("order", 1);
		municipality.put("description", english ? "Municipality concerned" : "Comune interessato");
		Map<String, Object> languageAttribute = new LinkedHashMap<>();
		languageAttribute.put("variable", true);
		languageAttribute.put("code", "lingua");
		languageAttribute.put("datatype", "singlevaluelist");
		languageAttribute.put("required", false);
		languageAttribute.put("datatype_description", null);
		languageAttribute.put("order", 2);
		languageAttribute.put("description",
				english ? "Language of the answers to the citizen" : "Lingua delle risposte al cittadino");
		languageAttribute.put("values",
				List.of(Map.of("key", "it", "name", "Italiano"), Map.of("key", "en", "name", "English")));
		Map<String, Object> definition = new LinkedHashMap<>();
		definition.put("service_code", topic.code());
		definition.put("attributes", List.of(municipality, languageAttribute));
		return render(format, HttpStatus.OK, "service_definition", null, definition);
	}

	@Operation(summary = "File a request (api_key required)",
			description = "Form fields of GeoReport v2: api_key, service_code, description, lat, long, "
					+ "address_string, email, phone, first_name, last_name, attribute[comune], attribute[lingua]. "
					+ "The answer gives service_request_id (the tracking code), token and a notice with the PIN "
					+ "the citizen needs on the tracking page.")
	@PostMapping(path = "/requests.{format}",
			consumes = { MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE })
	@Transactional
	ResponseEntity<String> file(@PathVariable("format") String format, @RequestParam Map<String, String> form) {
		requireFormat(format);
		Open311Clients.Client client = this.clients.byKey(form.get("api_key"))
			.orElseThrow(() -> new Open311Exception(HttpStatus.FORBIDDEN, "api_key: missing, unknown or disabled"));
		Topic topic = service(required(form, "service_code"));
		String description = required(form, "description");
		String place = place(form);
		String language = form.getOrDefault("attribute[lingua]", "it");
		if (!"it".equals(language) && !"en".equals(language)) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, "attribute[lingua]: must be it or en");
		}
		String name = (form.getOrDefault("first_name", "") + " " + form.getOrDefault("last_name", "")).strip();
		IntakeRequest request = new IntakeRequest(Channel.OPEN311, topic.code(),
				(place == null) ? description : description + "\n\n" + place,
				FreeText.normalizeToNull(form.get("attribute[comune]")),
				new IntakeRequest.Citizen(name.isEmpty() ? "Segnalazione Open311" : name,
						FreeText.normalizeToNull(form.get("phone")), FreeText.normalizeToNull(form.get("email")), false,
						language),
				Set.of());
		OpenedCase opened;
		try {
			opened = this.intake.openForClient(request, List.of(), "open311:" + client.id());
		}
		catch (InvalidRequestException ex) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, parameterOf(ex.field()) + ": " + ex.code());
		}
		String token = UUID.randomUUID().toString();
		this.mapper.insert(opened.caseId(), token, client.id(), this.clock.instant());
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("service_request_id", opened.trackingCode());
		answer.put("token", token);
		answer.put("service_notice",
				("en".equals(language) ? "Follow the request at %s/track with code %s and PIN %s."
						: "Segua la richiesta su %s/track con il codice %s e il PIN %s.")
					.formatted(this.publicUrl, opened.trackingCode(), opened.pin()));
		answer.put("account_id", null);
		return render(format, HttpStatus.CREATED, "service_requests", "request", List.of(answer));
	}

	@Operation(summary = "Requests filed through Open311 (at most 90 days at once, 1,000 requests)")
	@GetMapping("/requests.{format}")
	ResponseEntity<String> requests(@PathVariable("format") String format,
			@RequestParam(name = "service_request_id", required = false) String ids,
			@RequestParam(name = "service_code", required = false) String serviceCode,
			@RequestParam(name = "start_date", required = false) String start,
			@RequestParam(name = "end_date", required = false) String end,
			@RequestParam(name = "status", required = false) String status) {
		requireFormat(format);
		List<Open311Mapper.RequestRow> rows;
		if (ids != null && !ids.isBlank()) {
			String[] codes = ids.split(",");
			if (codes.length > 100) {
				throw new Open311Exception(HttpStatus.BAD_REQUEST, "service_request_id: at most 100 ids");
			}
			rows = java.util.Arrays.stream(codes)
				.map(String::strip)
				.map(this.mapper::byCode)
				.flatMap(Optional::stream)
				.toList();
		}
		else {
			Instant until = (end != null) ? date("end_date", end) : this.clock.instant();
			Instant from = (start != null) ? date("start_date", start) : until.minus(MAX_SPAN);
			if (from.isAfter(until)) {
				throw new Open311Exception(HttpStatus.BAD_REQUEST, "start_date: after end_date");
			}
			if (Duration.between(from, until).compareTo(MAX_SPAN) > 0) {
				throw new Open311Exception(HttpStatus.BAD_REQUEST, "end_date: at most 90 days after start_date");
			}
			rows = this.mapper.between(from, until.plusSeconds(1), 1000);
		}
		if (status != null && !Set.of("open", "closed").containsAll(List.of(status.split(",")))) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, "status: open, closed or both");
		}
		List<Map<String, Object>> answer = rows.stream()
			.filter((row) -> serviceCode == null || List.of(serviceCode.split(",")).contains(row.topicCode()))
			.filter((row) -> status == null || List.of(status.split(",")).contains(openOrClosed(row.status())))
			.map(this::request)
			.toList();
		return render(format, HttpStatus.OK, "service_requests", "request", answer);
	}

	@Operation(summary = "One request")
	@GetMapping("/requests/{id}.{format}")
	ResponseEntity<String> request(@PathVariable("id") String id, @PathVariable("format") String format) {
		requireFormat(format);
		Open311Mapper.RequestRow row = this.mapper.byCode(id)
			.orElseThrow(() -> new Open311Exception(HttpStatus.NOT_FOUND, "service_request_id: no such request"));
		return render(format, HttpStatus.OK, "service_requests", "request", List.of(request(row)));
	}

	@Operation(summary = "The request id of a token")
	@GetMapping("/tokens/{token}.{format}")
	ResponseEntity<String> token(@PathVariable("token") String token, @PathVariable("format") String format) {
		requireFormat(format);
		Open311Mapper.RequestRow row = this.mapper.byToken(token)
			.orElseThrow(() -> new Open311Exception(HttpStatus.NOT_FOUND, "token: no such token"));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("service_request_id", row.trackingCode());
		answer.put("token", row.token());
		return render(format, HttpStatus.OK, "service_requests", "request", List.of(answer));
	}

	@Operation(summary = "Request updates (mySociety extension): each status a request reached")
	@GetMapping("/servicerequestupdates.{format}")
	ResponseEntity<String> updates(@PathVariable("format") String format,
			@RequestParam(name = "start_date", required = false) String start,
			@RequestParam(name = "end_date", required = false) String end) {
		requireFormat(format);
		Instant until = (end != null) ? date("end_date", end) : this.clock.instant();
		Instant from = (start != null) ? date("start_date", start) : until.minus(Duration.ofDays(1));
		if (from.isAfter(until) || Duration.between(from, until).compareTo(MAX_SPAN) > 0) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, "end_date: at most 90 days after start_date");
		}
		List<Map<String, Object>> answer = this.mapper.updates(from, until.plusSeconds(1), 1000)
			.stream()
			.map((update) -> {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("update_id", update.id());
				row.put("service_request_id", update.trackingCode());
				row.put("status", detailedStatus(update.status()));
				row.put("updated_datetime", format(update.occurredAt()));
				row.put("description", null);
				row.put("media_url", null);
				return row;
			})
			.toList();
		return render(format, HttpStatus.OK, "service_request_updates", "request_update", answer);
	}

	/** A request without personal data: no description, contact or place. */
	private Map<String, Object> request(Open311Mapper.RequestRow row) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("service_request_id", row.trackingCode());
		request.put("status", openOrClosed(row.status()));
		request.put("status_notes", null);
		request.put("service_name", this.cases.topic(row.topicCode()).map((t) -> t.labelIt()).orElse(row.topicCode()));
		request.put("service_code", row.topicCode());
		request.put("description", null);
		request.put("agency_responsible", String.join(", ", this.cases.inChargeNames(row.caseId())));
		request.put("service_notice", null);
		request.put("requested_datetime", format(row.createdAt()));
		request.put("updated_datetime", format(row.updatedAt()));
		request.put("expected_datetime", null);
		request.put("address", null);
		request.put("address_id", null);
		request.put("zipcode", null);
		request.put("lat", null);
		request.put("long", null);
		request.put("media_url", null);
		return request;
	}

	/** Core GeoReport v2 knows two statuses. */
	private static String openOrClosed(String status) {
		return CLOSED.contains(CaseStatus.valueOf(status)) ? "closed" : "open";
	}

	/** The mySociety extension's finer statuses (docs/open311.md). */
	static String detailedStatus(String status) {
		if (status == null) {
			return "OPEN";
		}
		return switch (CaseStatus.valueOf(status)) {
			case RICEVUTA, INOLTRATA -> "OPEN";
			case IN_LAVORAZIONE -> "IN_PROGRESS";
			case IN_ATTESA_DI_INTEGRAZIONE -> "INVESTIGATING";
			case RISOLTA -> "FIXED";
			case CHIUSA -> "CLOSED";
			case NON_DI_COMPETENZA -> "NOT_COUNCILS_RESPONSIBILITY";
		};
	}

	/** Where the citizen says the problem is: kept in the case's text, never answered. */
	private static String place(Map<String, String> form) {
		List<String> parts = new ArrayList<>();
		String address = FreeText.normalizeToNull(form.get("address_string"));
		if (address != null) {
			parts.add(address);
		}
		String lat = FreeText.normalizeToNull(form.get("lat"));
		String lon = FreeText.normalizeToNull(form.get("long"));
		if (lat != null || lon != null) {
			try {
				double latitude = Double.parseDouble(String.valueOf(lat));
				double longitude = Double.parseDouble(String.valueOf(lon));
				if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
					throw new NumberFormatException();
				}
				parts.add(latitude + ", " + longitude);
			}
			catch (NumberFormatException ex) {
				throw new Open311Exception(HttpStatus.BAD_REQUEST, "lat: lat and long must be coordinates (WGS84)");
			}
		}
		return parts.isEmpty() ? null : "Posizione: " + String.join(" - ", parts);
	}

	private static String parameterOf(String field) {
		return switch (field) {
			case "citizen.email" -> "email";
			case "citizen.phone" -> "phone";
			case "citizen.name" -> "first_name";
			case "municipality" -> "attribute[comune]";
			case "topic" -> "service_code";
			default -> field;
		};
	}

	private List<Topic> activeTopics() {
		return this.cases.topics().stream().filter(Topic::active).toList();
	}

	private Topic service(String code) {
		return this.cases.topic(code)
			.filter(Topic::active)
			.orElseThrow(() -> new Open311Exception(HttpStatus.NOT_FOUND, "service_code: no such service " + code));
	}

	private Instant date(String name, String value) {
		try {
			return OffsetDateTime.parse(value, DATE).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST,
					name + ": not a w3 date-time such as 2010-01-01T00:00:00Z");
		}
	}

	private String format(Instant instant) {
		return (instant == null) ? null : DATE.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(this.zone));
	}

	private static String required(Map<String, String> form, String name) {
		String value = FreeText.normalizeToNull(form.get(name));
		if (value == null) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, name + ": required");
		}
		return value;
	}

	private static Locale language(String locale) {
		return (locale != null && locale.toLowerCase(Locale.ROOT).startsWith("en")) ? Locale.ENGLISH : Locale.ITALIAN;
	}

	private static void requireFormat(String format) {
		if (Open311Format.of(format) == null) {
			throw new Open311Exception(HttpStatus.NOT_FOUND, "format: json or xml");
		}
	}

	private ResponseEntity<String> render(String format, HttpStatus status, String root, String item, Object body) {
		requireFormat(format);
		return Open311Format.render(this.json, format, status, root, item, body);
	}

	/** Errors of a request whose format is known; JSON otherwise. */
	ResponseEntity<String> error(String format, HttpStatus status, String description) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("code", status.value());
		error.put("description", description);
		return Open311Format.render(this.json, (Open311Format.of(format) != null) ? format : "json", status, "errors",
				"error", List.of(error));
	}

}
