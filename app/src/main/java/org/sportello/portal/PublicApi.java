package org.sportello.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.sportello.cases.CleanText;
import org.sportello.cases.FreeText;
import org.sportello.cases.Rating;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The citizen's API, no login: {@code POST /api/public/track} and
 * {@code POST /api/public/rating}. Errors are problem+json ({@link PublicApiProblems}).
 */
@RestController
@RequestMapping("/api/public")
class PublicApi {

	static final String CODE = "(?i)SPT-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}";

	private final PublicTracking tracking;

	PublicApi(PublicTracking tracking) {
		this.tracking = tracking;
	}

	record TrackRequest(@NotBlank @Size(max = 20) @Pattern(regexp = CODE) String trackingCode,
			@NotBlank @Pattern(regexp = "[0-9]{6}") String pin) {
	}

	record RatingRequest(@NotBlank @Size(max = 20) @Pattern(regexp = CODE) String trackingCode,
			@NotBlank @Pattern(regexp = "[0-9]{6}") String pin, @NotNull Rating.Value rating,
			@CleanText(max = 1000) String comment) {

		RatingRequest {
			comment = FreeText.normalizeToNull(comment);
		}

	}

	@PostMapping("/track")
	TrackedCase track(@Valid @RequestBody TrackRequest request, HttpServletRequest http) {
		return this.tracking.track(request.trackingCode(), request.pin(), http.getRemoteAddr());
	}

	@PostMapping("/rating")
	ResponseEntity<TrackedCase> rate(@Valid @RequestBody RatingRequest request, HttpServletRequest http) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.tracking.rate(request.trackingCode(), request.pin(), request.rating(), request.comment(),
					http.getRemoteAddr()));
	}

}
