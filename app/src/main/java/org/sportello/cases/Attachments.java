package org.sportello.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Files attached to a case: PDF, PNG or JPEG, at most {@value #MAX_BYTES} bytes. The type
 * is decided by the file's first bytes, not by the name or the declared type. Bytes go to
 * a file under the data directory, metadata to the database; a rolled-back transaction
 * removes the file again.
 */
@Service
public class Attachments {

	public static final long MAX_BYTES = 10L * 1024 * 1024;

	private final AttachmentMapper mapper;

	private final Path root;

	private final Clock clock;

	Attachments(AttachmentMapper mapper, @Value("${sportello.data-dir}") String dataDir, Clock clock) {
		this.mapper = mapper;
		this.root = Path.of(dataDir, "attachments");
		this.clock = clock;
	}

	/**
	 * Checks a file before anything is stored (the console checks uploads as they
	 * arrive); answers its content type or throws {@link AttachmentRejectedException}.
	 */
	public String check(String fileName, byte[] bytes) {
		if (bytes.length == 0) {
			throw new AttachmentRejectedException("attachment.empty");
		}
		if (bytes.length > MAX_BYTES) {
			throw new AttachmentRejectedException("attachment.too-large");
		}
		return sniff(bytes).orElseThrow(() -> new AttachmentRejectedException("attachment.type"));
	}

	@Transactional
	public Attachment attach(String caseId, String fileName, byte[] bytes, String uploadedBy) {
		String type = check(fileName, bytes);
		return store(caseId, cleanName(fileName, type), type, bytes, uploadedBy);
	}

	/**
	 * A certified email (PEC) as it came, {@code message/rfc822}, kept with its case for
	 * its legal value: only the system keeps these (mail intake), never an upload.
	 */
	@Transactional
	public Attachment attachOriginalMessage(String caseId, byte[] bytes, String uploadedBy) {
		if (bytes.length == 0 || bytes.length > 3 * MAX_BYTES) {
			throw new AttachmentRejectedException("attachment.too-large");
		}
		return store(caseId, "messaggio-originale.eml", "message/rfc822", bytes, uploadedBy);
	}

	private Attachment store(String caseId, String name, String type, byte[] bytes, String uploadedBy) {
		Attachment attachment = new Attachment(UUID.randomUUID().toString(), caseId, name, type, bytes.length,
				sha256(bytes), uploadedBy, this.clock.instant());
		Path file = fileOf(attachment);
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot store attachment", ex);
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status != STATUS_COMMITTED) {
						deleteQuietly(file);
					}
				}
			});
		}
		this.mapper.insert(attachment);
		return attachment;
	}

	/**
	 * Deletes the case's attachments (retention): the rows now, the files once the
	 * transaction has committed, so that a rollback loses nothing. Answers how many.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int deleteAll(String caseId) {
		List<Path> files = this.mapper.ofCase(caseId).stream().map(this::fileOf).toList();
		int deleted = this.mapper.deleteOfCase(caseId);
		Path folder = this.root.resolve(caseId);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				files.forEach(Attachments::deleteQuietly);
				deleteQuietly(folder);
			}
		});
		return deleted;
	}

	public List<Attachment> ofCase(String caseId) {
		return this.mapper.ofCase(caseId);
	}

	public Optional<Attachment> find(String caseId, String attachmentId) {
		return this.mapper.one(caseId, attachmentId);
	}

	public byte[] content(Attachment attachment) {
		try {
			return Files.readAllBytes(fileOf(attachment));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read attachment " + attachment.id(), ex);
		}
	}

	/** PDF, PNG or JPEG by magic number; anything else is refused. */
	static Optional<String> sniff(byte[] bytes) {
		if (startsWith(bytes, new byte[] { '%', 'P', 'D', 'F', '-' })) {
			return Optional.of("application/pdf");
		}
		if (startsWith(bytes, new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A })) {
			return Optional.of("image/png");
		}
		if (startsWith(bytes, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })) {
			return Optional.of("image/jpeg");
		}
		return Optional.empty();
	}

	/**
	 * The file name as it will be listed and downloaded: the last segment of what the
	 * browser or client sent (percent-escapes decoded), NFC, letters, digits, spaces and
	 * {@code . _ - ( ) ,} only, no leading dots, at most 120 characters, and the
	 * extension of the file's real type. Whatever was sent ("..", "%2e%2e%2fpasswd.pdf",
	 * "C:\\scan.pdf", markup), the name is a plain file name that every link can serve.
	 */
	static String cleanName(String fileName, String contentType) {
		String name = (fileName == null) ? "" : fileName;
		if (name.indexOf('%') >= 0) {
			try {
				name = URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				// not percent-encoded after all: keep it as sent
			}
		}
		name = FreeText.normalize(name).replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1);
		name = name.replaceAll("[^\\p{L}\\p{M}\\p{N} ._(),-]", "_").replaceAll("_{2,}", "_");
		name = name.replaceAll("^[ ._]+", "").strip();
		String extension = EXTENSIONS.getOrDefault(contentType, "");
		String lower = name.toLowerCase(Locale.ROOT);
		boolean hasExtension = lower.endsWith(extension)
				|| ("image/jpeg".equals(contentType) && lower.endsWith(".jpeg"));
		String stem = hasExtension
				? name.substring(0, name.length() - (lower.endsWith(".jpeg") ? 5 : extension.length())) : name;
		stem = stem.replaceAll("[ .]+$", "");
		if (stem.isEmpty()) {
			stem = "allegato";
		}
		if (stem.codePointCount(0, stem.length()) > 120) {
			stem = stem.substring(0, stem.offsetByCodePoints(0, 120));
		}
		return stem + (hasExtension && lower.endsWith(".jpeg") ? ".jpeg" : extension);
	}

	private static final Map<String, String> EXTENSIONS = Map.of("application/pdf", ".pdf", "image/png", ".png",
			"image/jpeg", ".jpg");

	private Path fileOf(Attachment attachment) {
		// ids are UUIDs generated here, never user input
		return this.root.resolve(attachment.caseId()).resolve(attachment.id());
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// an orphan file without metadata is harmless; nothing links to it
		}
	}

}
