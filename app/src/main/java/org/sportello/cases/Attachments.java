package org.sportello.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
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
		cleanName(fileName);
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
		String name = cleanName(fileName);
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
	 * The citizen's file name, kept for display only: no path, no control characters, no
	 * markup.
	 */
	static String cleanName(String fileName) {
		if (fileName == null || fileName.isBlank()) {
			throw new AttachmentRejectedException("attachment.name");
		}
		String base = fileName.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1).strip();
		if (base.isEmpty() || base.length() > 255 || base.chars().anyMatch((c) -> c < 0x20 || c == '<' || c == '>')) {
			throw new AttachmentRejectedException("attachment.name");
		}
		return base;
	}

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
