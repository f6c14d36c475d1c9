package org.sportello.sla;

import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What an SLA warning or escalation says, stored as data ({@code WARNING|<minutes left>},
 * {@code LEVEL1|<supervisors' group>}, {@code LEVEL2|<hub group>}) on the timeline and in
 * the notifications, and written out in each reader's language when shown: the same row
 * is read by an official in Italian and another in English. Rows written before this form
 * (Italian sentences) are shown as they are.
 */
public final class SlaNotice {

	private static final String SEPARATOR = "|";

	private SlaNotice() {
	}

	static String warning(Duration left) {
		return "WARNING" + SEPARATOR + Math.max(0, left.toMinutes());
	}

	static String firstLevel(String supervisorsGroup) {
		return "LEVEL1" + SEPARATOR + supervisorsGroup;
	}

	static String secondLevel(String hubGroup) {
		return "LEVEL2" + SEPARATOR + hubGroup;
	}

	/**
	 * The notice in the reader's language.
	 * @param translate a view's {@code getTranslation} (key, parameters)
	 * @param groupName the name people know a group by (an office's name)
	 */
	public static String describe(String detail, BiFunction<String, Object[], String> translate,
			Function<String, String> groupName) {
		if (detail == null) {
			return "";
		}
		int separator = detail.indexOf(SEPARATOR);
		String kind = (separator < 0) ? "" : detail.substring(0, separator);
		String value = (separator < 0) ? "" : detail.substring(separator + 1);
		return switch (kind) {
			case "WARNING" -> {
				long minutes = Long.parseLong(value);
				yield translate.apply("sla.notice.WARNING", new Object[] { minutes / 60, minutes % 60 });
			}
			case "LEVEL1", "LEVEL2" -> translate.apply("sla.notice." + kind, new Object[] { groupName.apply(value) });
			default -> detail;
		};
	}

}
