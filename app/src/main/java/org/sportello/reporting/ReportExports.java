package org.sportello.reporting;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.annotation.PreDestroy;
import org.apache.ibatis.cursor.Cursor;
import org.sportello.cases.Cases;
import org.sportello.cases.ClassLabel;
import org.sportello.cases.Classification;
import org.sportello.cases.Topic;
import org.sportello.directory.Administration;
import org.sportello.directory.Directory;
import org.sportello.directory.Office;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exports of a report with the dashboard's filters: an Excel workbook (summary with a
 * native chart, then one row per case, streamed) or a CSV (UTF-8 with a byte order mark
 * so that Excel reads the accents, ';' between fields as Excel expects in Italy, text
 * that looks like a formula behind an apostrophe). Rows come from the anonymous warehouse
 * only.
 */
@Service
public class ReportExports {

	/** The two formats, with their file extension and media type. */
	public enum Format {

		XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
		CSV("csv", "text/csv;charset=UTF-8");

		private final String extension;

		private final String mediaType;

		Format(String extension, String mediaType) {
			this.extension = extension;
			this.mediaType = mediaType;
		}

		public String extension() {
			return this.extension;
		}

		public String mediaType() {
			return this.mediaType;
		}

	}

	static final List<String> COLUMNS = List.of("reports.col.opened-on", "reports.col.opened-hour", "reports.channel",
			"reports.topic", "reports.office", "reports.col.front-administration", "reports.owner",
			"reports.col.status", "reports.col.closed-on", "reports.closed-fo", "reports.with-article",
			"reports.col.administrations", "reports.col.transfers", "reports.export.working-minutes",
			"reports.export.calendar-minutes", "reports.sla-breached", "reports.col.escalation", "reports.rating",
			"reports.outcome-class", "reports.topic-class");

	private final ReportMapper mapper;

	private final Reports reports;

	private final Directory directory;

	private final Cases cases;

	private final TransactionTemplate reading;

	private final ExecutorService background = Executors.newFixedThreadPool(2, (task) -> {
		Thread thread = new Thread(task, "report-export");
		thread.setDaemon(true);
		return thread;
	});

	private final Classification classification;

	ReportExports(ReportMapper mapper, Reports reports, Directory directory, Cases cases,
			PlatformTransactionManager transactions, Classification classification) {
		this.classification = classification;
		this.mapper = mapper;
		this.reports = reports;
		this.directory = directory;
		this.cases = cases;
		this.reading = new TransactionTemplate(transactions);
		this.reading.setReadOnly(true);
	}

	/**
	 * Writes the export to a temporary file in the background (two at a time for the
	 * whole node); the caller deletes the file when it is no longer offered.
	 */
	public CompletableFuture<Path> start(ReportScope scope, ReportFilter filter, Format format, ReportLabels labels,
			LongConsumer progress) {
		return CompletableFuture.supplyAsync(() -> {
			try {
				Path file = Files.createTempFile("sportello-report-", "." + format.extension());
				try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
					write(scope, filter, format, labels, out, progress);
				}
				catch (RuntimeException | IOException ex) {
					Files.deleteIfExists(file);
					throw ex;
				}
				return file;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}, this.background);
	}

	@PreDestroy
	void stop() {
		this.background.shutdownNow();
	}

	/** How many rows an export of this report has (for its progress bar). */
	public long rows(ReportScope scope, ReportFilter filter) {
		return Reports.readable(scope, filter) ? this.mapper.countFacts(scope, filter, false) : 0;
	}

	/** Writes the export; {@code progress} hears the rows written so far. */
	public void write(ReportScope scope, ReportFilter filter, Format format, ReportLabels labels, OutputStream out,
			LongConsumer progress) {
		Names names = new Names(labels);
		this.reading.executeWithoutResult((status) -> {
			try {
				if (!Reports.readable(scope, filter)) {
					write(scope, filter, format, labels, names, Collections.emptyIterator(), out, progress);
					return;
				}
				try (Cursor<CaseFact> facts = this.mapper.facts(scope, filter, false)) {
					write(scope, filter, format, labels, names,
							StreamSupport.stream(facts.spliterator(), false).map(names::row).iterator(), out, progress);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private void write(ReportScope scope, ReportFilter filter, Format format, ReportLabels labels, Names names,
			Iterator<List<Object>> rows, OutputStream out, LongConsumer progress) throws IOException {
		List<String> header = COLUMNS.stream().map((key) -> labels.text(key)).toList();
		if (format == Format.CSV) {
			csv(header, rows, progress, out);
			return;
		}
		ReportWorkbook workbook = new ReportWorkbook(labels);
		workbook.summary(filter,
				(filter.administration() != null) ? this.directory.administrationName(filter.administration())
						: labels.text(scope.network() ? "reports.all" : "reports.yours"),
				this.reports.total(scope, filter), this.reports.byMonth(scope, filter), names::month, names::topic);
		workbook.write(header, rows, progress, out);
	}

	static void csv(List<String> header, Iterator<List<Object>> rows, LongConsumer progress, OutputStream out)
			throws IOException {
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		writer.write('\uFEFF');
		CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(';').withLineSeparator("\r\n");
		try (SequenceWriter lines = new CsvMapper().writer(schema).writeValues(writer)) {
			lines.write(header.stream().map(SafeText::forCsv).toArray(String[]::new));
			long written = 0;
			while (rows.hasNext()) {
				lines.write(rows.next().stream().map(ReportExports::csvValue).toArray(String[]::new));
				if (++written % 1000 == 0) {
					progress.accept(written);
				}
			}
			progress.accept(written);
		}
	}

	private static String csvValue(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Number number) {
			return number.toString();
		}
		return SafeText.forCsv(value.toString());
	}

	/** Names of offices, administrations, topics and values, read once per export. */
	private final class Names {

		private final ReportLabels labels;

		private final Map<String, String> offices;

		private final Map<String, String> administrations;

		private final Map<String, String> topics;

		private final Map<String, String> outcomeClasses;

		private final Map<String, String> topicClasses;

		Names(ReportLabels labels) {
			this.labels = labels;
			this.outcomeClasses = ReportExports.this.classification.outcomeClasses()
				.stream()
				.collect(Collectors.toMap(ClassLabel::code, (entry) -> entry.label(labels.locale())));
			this.topicClasses = ReportExports.this.classification.topicClasses()
				.stream()
				.collect(Collectors.toMap(ClassLabel::code, (entry) -> entry.label(labels.locale())));
			this.offices = ReportExports.this.directory.offices()
				.stream()
				.collect(Collectors.toMap(Office::groupId, Office::name));
			this.administrations = ReportExports.this.directory.administrations()
				.stream()
				.collect(Collectors.toMap(Administration::code, Administration::name));
			this.topics = ReportExports.this.cases.topics()
				.stream()
				.collect(
						Collectors.toMap(Topic::code, (topic) -> labels.english() ? topic.labelEn() : topic.labelIt()));
		}

		List<Object> row(CaseFact fact) {
			List<Object> row = new ArrayList<>(COLUMNS.size());
			row.add(fact.openedOn());
			row.add(fact.openedHour());
			row.add(this.labels.text("channel." + fact.channel()));
			row.add(this.topics.getOrDefault(fact.topicCode(), fact.topicCode()));
			row.add((fact.frontOffice() != null) ? this.offices.getOrDefault(fact.frontOffice(), fact.frontOffice())
					: null);
			row.add(administration(fact.frontAdministration()));
			row.add(administration(fact.ownerAdministration()));
			row.add(this.labels.text("status." + fact.status()));
			row.add(fact.closedOn());
			row.add(yesNo(fact.closedAtFrontOffice()));
			row.add(yesNo(fact.withArticle()));
			row.add(fact.administrations());
			row.add(fact.transfers());
			row.add(fact.workingMinutes());
			row.add(fact.calendarMinutes());
			row.add(yesNo(fact.slaBreached()));
			row.add(fact.escalationLevel());
			row.add((fact.rating() != null) ? this.labels.text("track.rating." + fact.rating()) : null);
			row.add((fact.outcomeClass() != null)
					? this.outcomeClasses.getOrDefault(fact.outcomeClass(), fact.outcomeClass()) : null);
			row.add((fact.topicClass() != null) ? this.topicClasses.getOrDefault(fact.topicClass(), fact.topicClass())
					: null);
			return row;
		}

		String topic(String code) {
			return this.topics.getOrDefault(code, code);
		}

		String month(String yyyymm) {
			return YearMonth.of(Integer.parseInt(yyyymm.substring(0, 4)), Integer.parseInt(yyyymm.substring(4, 6)))
				.format(DateTimeFormatter.ofPattern("LLLL yyyy", this.labels.locale()));
		}

		private String administration(String code) {
			return (code != null) ? this.administrations.getOrDefault(code, code) : null;
		}

		private String yesNo(boolean value) {
			return this.labels.text(value ? "reports.yes" : "reports.no");
		}

	}

}
