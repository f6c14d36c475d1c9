package org.sportello.reporting;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.sportello.cases.Cases;
import org.sportello.cases.ClassLabel;
import org.sportello.cases.Classification;
import org.sportello.cases.Topic;
import org.sportello.directory.Directory;

import org.springframework.stereotype.Service;

/**
 * The network's open data: for each month that has ended, the cases counted by the
 * administration that received them, the one competent for them, topic (and its class)
 * and channel, with how many were finished, closed at the front office, within their SLA,
 * and rated. From the warehouse's month sums, so nothing personal can be in it; groups of
 * fewer than {@link #MINIMUM} cases are not published on their own line but added up in
 * one "ALTRO" line (and left out if that too is smaller), so that a rare request in a
 * small place cannot point at somebody. CSV as RFC 4180 (comma, CRLF, UTF-8), codes and
 * Italian labels, one header line.
 */
@Service
public class OpenData {

	/** The smallest group published on its own line. */
	public static final int MINIMUM = 3;

	static final String OTHER = "ALTRO";

	static final List<String> HEADER = List.of("month", "front_administration", "front_administration_name",
			"owner_administration", "owner_administration_name", "topic", "topic_label", "topic_class",
			"topic_class_label", "channel", "cases", "finished", "closed_at_front_office", "sla_met", "sla_breached",
			"rating_positive", "rating_neutral", "rating_negative");

	private final ReportMapper mapper;

	private final Directory directory;

	private final Cases cases;

	private final Classification classification;

	private final Clock clock;

	OpenData(ReportMapper mapper, Directory directory, Cases cases, Classification classification, Clock clock) {
		this.mapper = mapper;
		this.directory = directory;
		this.cases = cases;
		this.classification = classification;
		this.clock = clock;
	}

	/** A month's sums; '' where a case has none (an administration, a class). */
	public record Row(String frontAdministration, String ownerAdministration, String topicCode, String topicClass,
			String channel, long cases, long finished, long closedAtFrontOffice, long slaMet, long slaBreached,
			long positive, long neutral, long negative) {

		Row plus(Row other) {
			return new Row(OTHER, OTHER, OTHER, OTHER, OTHER, this.cases + other.cases, this.finished + other.finished,
					this.closedAtFrontOffice + other.closedAtFrontOffice, this.slaMet + other.slaMet,
					this.slaBreached + other.slaBreached, this.positive + other.positive, this.neutral + other.neutral,
					this.negative + other.negative);
		}

	}

	/** Whether the month has ended (in Rome), so that its figures are final. */
	public boolean published(YearMonth month) {
		return month.isBefore(YearMonth.now(this.clock.withZone(ZoneId.of("Europe/Rome"))));
	}

	/** The month's lines as published: the small groups added up in one "ALTRO" line. */
	public List<Row> rows(YearMonth month) {
		List<Row> published = new ArrayList<>();
		Row other = new Row(OTHER, OTHER, OTHER, OTHER, OTHER, 0, 0, 0, 0, 0, 0, 0, 0);
		for (Row row : this.mapper.openData(month.atDay(1))) {
			if (row.cases() >= MINIMUM) {
				published.add(row);
			}
			else {
				other = other.plus(row);
			}
		}
		if (other.cases() >= MINIMUM) {
			published.add(other);
		}
		return published;
	}

	public void write(YearMonth month, OutputStream out) throws IOException {
		Map<String, String> administrations = this.directory.administrations()
			.stream()
			.collect(Collectors.toMap((a) -> a.code(), (a) -> a.name()));
		Map<String, String> topics = this.cases.topics()
			.stream()
			.collect(Collectors.toMap(Topic::code, Topic::labelIt));
		Map<String, String> classes = this.classification.topicClasses()
			.stream()
			.collect(Collectors.toMap(ClassLabel::code, ClassLabel::labelIt));
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(',').withLineSeparator("\r\n");
		// quotes only where RFC 4180 needs them (commas, quotes, line breaks)
		try (SequenceWriter lines = new CsvMapper().writer(schema)
			.with(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
			.writeValues(writer)) {
			lines.write(HEADER.toArray(String[]::new));
			for (Row row : rows(month)) {
				lines.write(new String[] { month.toString(), row.frontAdministration(),
						name(administrations, row.frontAdministration()), row.ownerAdministration(),
						name(administrations, row.ownerAdministration()), row.topicCode(),
						name(topics, row.topicCode()), row.topicClass(), name(classes, row.topicClass()), row.channel(),
						number(row.cases()), number(row.finished()), number(row.closedAtFrontOffice()),
						number(row.slaMet()), number(row.slaBreached()), number(row.positive()), number(row.neutral()),
						number(row.negative()) });
			}
		}
	}

	/** A label for a code; labels are the catalogue's and never read as formulas. */
	private static String name(Map<String, String> names, String code) {
		if (code == null || code.isEmpty() || OTHER.equals(code)) {
			return "";
		}
		return SafeText.forCsv(names.getOrDefault(code, code));
	}

	private static String number(long value) {
		return Long.toString(value);
	}

}
