package org.sportello.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongConsumer;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An Excel workbook of a report: a summary sheet (filters, totals, months) with a native
 * bar chart of the months, built in memory (it is small), then the cases' sheet streamed
 * row by row (SXSSF keeps a window of rows in memory, the rest on disk). Dates are Excel
 * dates (the reader's short date format); every text cell is marked as text (quote
 * prefix), so one that starts like a formula ({@code = + - @}) is shown, never evaluated.
 */
final class ReportWorkbook {

	/** Rows kept in memory while the cases' sheet streams. */
	private static final int WINDOW = 200;

	private final XSSFWorkbook summaryBook = new XSSFWorkbook();

	private final ReportLabels labels;

	ReportWorkbook(ReportLabels labels) {
		this.labels = labels;
	}

	/**
	 * The summary sheet: what the report covers, its totals, and the months with a chart.
	 */
	void summary(ReportFilter filter, String administrationName, Figures total, List<Figures> months,
			java.util.function.Function<String, String> monthName) {
		summary(filter, administrationName, total, months, monthName, (code) -> code);
	}

	/** The same, with the topics' names for a filter by topic. */
	void summary(ReportFilter filter, String administrationName, Figures total, List<Figures> months,
			java.util.function.Function<String, String> monthName,
			java.util.function.Function<String, String> topicName) {
		XSSFSheet sheet = this.summaryBook.createSheet(this.labels.text("reports.export.summary-sheet"));
		Styles styles = new Styles(this.summaryBook);
		int r = 0;
		text(sheet.createRow(r++), 0, this.labels.text("reports.title"), styles.bold);
		Row period = sheet.createRow(r++);
		text(period, 0, this.labels.text("reports.from"), styles.text);
		date(period, 1, filter.from(), styles.date);
		text(period, 2, this.labels.text("reports.to"), styles.text);
		date(period, 3, filter.to(), styles.date);
		Row administration = sheet.createRow(r++);
		text(administration, 0, this.labels.text("reports.administration"), styles.text);
		text(administration, 1, administrationName, styles.text);
		if (filter.topic() != null) {
			Row topic = sheet.createRow(r++);
			text(topic, 0, this.labels.text("reports.topic"), styles.text);
			text(topic, 1, topicName.apply(filter.topic()), styles.text);
		}
		if (filter.channel() != null) {
			Row channel = sheet.createRow(r++);
			text(channel, 0, this.labels.text("reports.channel"), styles.text);
			text(channel, 1, this.labels.text("channel." + filter.channel()), styles.text);
		}
		r++;
		Row kpi = sheet.createRow(r++);
		text(kpi, 0, this.labels.text("reports.cases"), styles.text);
		kpi.createCell(1).setCellValue(total.cases());
		Row closure = sheet.createRow(r++);
		text(closure, 0, this.labels.text("reports.closure-rate"), styles.text);
		number(closure, 1, total.closureRate(), styles.percent);
		Row article = sheet.createRow(r++);
		text(article, 0, this.labels.text("reports.article-rate"), styles.text);
		number(article, 1, total.articleRate(), styles.percent);
		Row working = sheet.createRow(r++);
		text(working, 0, this.labels.text("reports.export.mean-working-minutes"), styles.text);
		if (total.meanWorkingMinutes() != null) {
			working.createCell(1).setCellValue(total.meanWorkingMinutes());
		}
		r++;
		int headerRow = r++;
		Row header = sheet.createRow(headerRow);
		text(header, 0, this.labels.text("reports.month"), styles.bold);
		text(header, 1, this.labels.text("reports.cases"), styles.bold);
		text(header, 2, this.labels.text("reports.closed-fo"), styles.bold);
		text(header, 3, this.labels.text("reports.with-article"), styles.bold);
		int first = r;
		for (Figures month : months) {
			Row row = sheet.createRow(r++);
			text(row, 0, monthName.apply(month.label()), styles.text);
			row.createCell(1).setCellValue(month.cases());
			row.createCell(2).setCellValue(month.closedAtFrontOffice());
			row.createCell(3).setCellValue(month.withArticle());
		}
		sheet.setColumnWidth(0, 40 * 256);
		sheet.setColumnWidth(1, 14 * 256);
		if (!months.isEmpty()) {
			chart(sheet, headerRow, first, r - 1);
		}
	}

	private void chart(XSSFSheet sheet, int headerRow, int first, int last) {
		XSSFDrawing drawing = sheet.createDrawingPatriarch();
		XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 5, 1, 15, 22);
		XSSFChart chart = drawing.createChart(anchor);
		chart.setTitleText(this.labels.text("reports.by-month"));
		chart.setTitleOverlay(false);
		chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
		XDDFCategoryAxis months = chart.createCategoryAxis(AxisPosition.BOTTOM);
		XDDFValueAxis counts = chart.createValueAxis(AxisPosition.LEFT);
		counts.setCrosses(AxisCrosses.AUTO_ZERO);
		XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromStringCellRange(sheet,
				new CellRangeAddress(first, last, 0, 0));
		XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, months, counts);
		data.setBarDirection(BarDirection.COL);
		for (int column = 1; column <= 3; column++) {
			XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
					new CellRangeAddress(first, last, column, column));
			XDDFChartData.Series series = data.addSeries(categories, values);
			series.setTitle(sheet.getRow(headerRow).getCell(column).getStringCellValue(),
					new CellReference(sheet.getSheetName(), headerRow, column, true, true));
		}
		chart.plot(data);
	}

	/**
	 * Writes the workbook: the summary, then a sheet with one row per case, streamed;
	 * {@code progress} hears every thousand rows.
	 */
	void write(List<String> header, Iterator<List<Object>> rows, LongConsumer progress, OutputStream out)
			throws IOException {
		SXSSFWorkbook book = new SXSSFWorkbook(this.summaryBook, WINDOW);
		try {
			Sheet sheet = book.createSheet(this.labels.text("reports.export.cases-sheet"));
			Styles styles = new Styles(book);
			Row head = sheet.createRow(0);
			for (int column = 0; column < header.size(); column++) {
				text(head, column, header.get(column), styles.bold);
			}
			sheet.createFreezePane(0, 1);
			long written = 0;
			while (rows.hasNext()) {
				Row row = sheet.createRow((int) ++written);
				List<Object> values = rows.next();
				for (int column = 0; column < values.size(); column++) {
					Object value = values.get(column);
					if (value instanceof LocalDate day) {
						date(row, column, day, styles.date);
					}
					else if (value instanceof Number number) {
						row.createCell(column).setCellValue(number.doubleValue());
					}
					else if (value != null) {
						text(row, column, value.toString(), styles.text);
					}
				}
				if (written % 1000 == 0) {
					progress.accept(written);
				}
			}
			progress.accept(written);
			book.write(out);
		}
		finally {
			book.close();
		}
	}

	private static void text(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	private static void date(Row row, int column, LocalDate day, CellStyle style) {
		if (day != null) {
			Cell cell = row.createCell(column);
			cell.setCellValue(day);
			cell.setCellStyle(style);
		}
	}

	private static void number(Row row, int column, double value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	/** The few styles a report needs, made once per workbook. */
	private static final class Styles {

		final CellStyle date;

		final CellStyle percent;

		final CellStyle text;

		final CellStyle bold;

		Styles(Workbook book) {
			this.date = book.createCellStyle();
			// built-in format 14: the reader's short date, whatever Excel's language
			this.date.setDataFormat((short) 14);
			this.percent = book.createCellStyle();
			this.percent.setDataFormat(book.createDataFormat().getFormat("0.0%"));
			this.text = book.createCellStyle();
			this.text.setQuotePrefixed(true);
			this.bold = book.createCellStyle();
			Font font = book.createFont();
			font.setBold(true);
			this.bold.setFont(font);
			this.bold.setQuotePrefixed(true);
		}

	}

}
