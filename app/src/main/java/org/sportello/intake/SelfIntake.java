package org.sportello.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.sportello.cases.Channel;
import org.sportello.cases.NewAttachment;
import org.sportello.cases.OpenedCase;
import org.sportello.directory.Directory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases the citizen opens without an operator: the web form, an email or PEC, an SMS, a
 * call-back request. The same checks as every request ({@link IntakeRequest}'s
 * constraints), then the same intake ({@link IntakeService}), so that routing, SLA,
 * tracking and reporting treat every channel alike; the case waits in the front-office
 * queue of {@code sportello.intake.front-office} (the shared role group when unset). Each
 * source (the web client's address, the sender, the number) opens at most
 * {@code sportello.intake.per-source-per-hour} cases an hour; sources are kept as hashes.
 */
@Service
public class SelfIntake {

	/** Who opened the case on the timeline and in {@code spt_case.opened_by}. */
	public static final String CITIZEN = "citizen";

	private final IntakeService intake;

	private final SelfIntakeMapper mapper;

	private final Validator validator;

	private final Directory directory;

	private final Clock clock;

	private final int perSourcePerHour;

	private final String frontOffice;

	SelfIntake(IntakeService intake, SelfIntakeMapper mapper, Validator validator, Directory directory, Clock clock,
			@Value("${sportello.intake.per-source-per-hour:5}") int perSourcePerHour,
			@Value("${sportello.intake.front-office:}") String frontOffice) {
		this.intake = intake;
		this.mapper = mapper;
		this.validator = validator;
		this.directory = directory;
		this.clock = clock;
		this.perSourcePerHour = perSourcePerHour;
		this.frontOffice = frontOffice;
	}

	/**
	 * Opens the case, or throws: {@link InvalidRequestException} naming the first field
	 * that fails, {@link SelfIntakeLimitedException} past the limit. All or nothing.
	 * @param source what the limit counts (address, sender, number); never stored as such
	 * @param openedBy {@link #CITIZEN}, or the mailbox that received it ("mail:urp")
	 */
	@Transactional
	public OpenedCase open(IntakeRequest request, List<NewAttachment> files, String source, String openedBy) {
		for (ConstraintViolation<IntakeRequest> violation : this.validator.validate(request)) {
			throw new InvalidRequestException(violation.getPropertyPath().toString(), "invalid");
		}
		count(request.channel(), source);
		return this.intake.receive(request, files, openedBy, queue());
	}

	/**
	 * A request a civic app files for a citizen (Open311): the same checks and intake,
	 * without the per-source limit (the app is accountable by its key, which
	 * administrators can disable).
	 * @param openedBy the client application ("open311:&lt;id&gt;")
	 */
	@Transactional
	public OpenedCase openForClient(IntakeRequest request, List<NewAttachment> files, String openedBy) {
		for (ConstraintViolation<IntakeRequest> violation : this.validator.validate(request)) {
			throw new InvalidRequestException(violation.getPropertyPath().toString(), "invalid");
		}
		return this.intake.receive(request, files, openedBy, queue());
	}

	/**
	 * Counts one opening of the source (a call-back request, a case), or throws
	 * {@link SelfIntakeLimitedException} past the limit; in the caller's transaction.
	 */
	@Transactional
	public void count(Channel channel, String source) {
		Instant now = this.clock.instant();
		String key = sourceKey(channel, source);
		if (this.mapper.since(key, now.minus(Duration.ofHours(1))) >= this.perSourcePerHour) {
			throw new SelfIntakeLimitedException();
		}
		this.mapper.insert(key, now, channel.name());
	}

	/** The front office queue of the citizens' own requests (a group id). */
	public String queueGroup() {
		String queue = queue();
		return (queue != null) ? queue : org.sportello.security.Roles.FO;
	}

	/** Whether the source may open another case now (checked before expensive work). */
	public boolean allowed(Channel channel, String source) {
		return this.mapper.since(sourceKey(channel, source),
				this.clock.instant().minus(Duration.ofHours(1))) < this.perSourcePerHour;
	}

	/** The limits need an hour: older rows go (nightly, with the retention run). */
	@Transactional
	public int purge() {
		return this.mapper.purge(this.clock.instant().minus(Duration.ofDays(1)));
	}

	private String queue() {
		return (this.frontOffice.isBlank() || this.directory.office(this.frontOffice).isEmpty()) ? null
				: this.frontOffice;
	}

	private static String sourceKey(Channel channel, String source) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((channel.name() + "\n" + String.valueOf(source).toLowerCase(Locale.ROOT))
					.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
