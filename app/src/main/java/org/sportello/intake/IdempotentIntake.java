package org.sportello.intake;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sportello.cases.CaseStatus;
import org.sportello.cases.Cases;
import org.sportello.cases.OpenedCase;
import org.sportello.directory.Directory;
import org.sportello.cases.PinVault;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code POST /api/cases} with an {@code Idempotency-Key} header: exactly one case per
 * key and user. A repeat of the same request with the same key answers the first case
 * (code, PIN, its status now); the same key with another request is refused (422). Keys
 * are kept {@link #KEPT}; two requests with one key at the same moment open one case.
 */
@Service
@EnableScheduling
class IdempotentIntake {

	static final Duration KEPT = Duration.ofHours(24);

	static final int LONGEST_KEY = 200;

	private final IntakeService intake;

	private final IdempotencyMapper mapper;

	private final Cases cases;

	private final PinVault vault;

	private final ObjectMapper json;

	private final TransactionTemplate transactions;

	private final Clock clock;

	IdempotentIntake(IntakeService intake, IdempotencyMapper mapper, Cases cases, PinVault vault, ObjectMapper json,
			TransactionTemplate transactions, Clock clock) {
		this.intake = intake;
		this.mapper = mapper;
		this.cases = cases;
		this.vault = vault;
		this.json = json;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** The case opened for this key: now, or by an earlier request with the same key. */
	OpenedCase open(IntakeRequest request, String userId, Directory.Membership membership, String key) {
		if (key.isEmpty() || key.length() > LONGEST_KEY || !key.chars().allMatch((c) -> c >= 0x21 && c <= 0x7e)) {
			throw new InvalidRequestException("Idempotency-Key", "invalid-idempotency-key");
		}
		String hash = hash(request);
		Optional<OpenedCase> earlier = earlier(userId, key, hash);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		try {
			return this.transactions.execute((tx) -> {
				OpenedCase opened = this.intake.open(request, userId, membership);
				this.mapper.insert(new IdempotencyMapper.Entry(userId, key, hash, opened.caseId(),
						opened.trackingCode(), this.vault.seal(opened.pin()), this.clock.instant()));
				return opened;
			});
		}
		catch (DuplicateKeyException ex) {
			// another request with this key won: its case is the answer, ours was rolled
			// back
			return earlier(userId, key, hash).orElseThrow(() -> ex);
		}
	}

	@Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
	void forgetOldKeys() {
		this.mapper.forgetBefore(this.clock.instant().minus(KEPT));
	}

	private Optional<OpenedCase> earlier(String userId, String key, String hash) {
		Instant since = this.clock.instant().minus(KEPT);
		return this.mapper.find(userId, key, since).map((entry) -> {
			if (!entry.requestHash().equals(hash)) {
				throw new IdempotencyKeyReusedException();
			}
			CaseStatus status = this.cases.byId(entry.caseId()).map((row) -> row.status()).orElse(CaseStatus.RICEVUTA);
			return new OpenedCase(entry.caseId(), entry.trackingCode(), this.vault.open(entry.sealedPin()), status);
		});
	}

	private String hash(IntakeRequest request) {
		try {
			// field by field, the flags sorted: the same request gives the same
			// fingerprint on
			// every node
			List<String> flags = (request.priorityFlags() == null) ? List.of()
					: request.priorityFlags().stream().map(Enum::name).sorted().toList();
			byte[] canonical = this.json.writeValueAsBytes(new Object[] { request.channel(), request.topic(),
					request.description(), request.municipality(), request.citizen(), flags });
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
		}
		catch (JsonProcessingException | NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Cannot fingerprint the request", ex);
		}
	}

}
