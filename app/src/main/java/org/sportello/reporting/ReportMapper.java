package org.sportello.reporting;

import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.mapping.ResultSetType;

/** Reads of the warehouse (never of the operational tables). */
@Mapper
interface ReportMapper {

	String FIGURES = "COUNT(*) AS cases, COALESCE(SUM(CASE WHEN closed_on IS NOT NULL THEN 1 ELSE 0 END), 0) AS finished,"
			+ " COALESCE(SUM(CASE WHEN closed_at_front_office THEN 1 ELSE 0 END), 0) AS closed_at_front_office,"
			+ " COALESCE(SUM(CASE WHEN with_article AND closed_at_front_office THEN 1 ELSE 0 END), 0) AS with_article,"
			+ " COALESCE(SUM(CASE WHEN working_minutes IS NOT NULL THEN 1 ELSE 0 END), 0) AS timed_cases,"
			+ " COALESCE(SUM(working_minutes), 0) AS working_minutes,"
			+ " COALESCE(SUM(CASE WHEN working_minutes IS NOT NULL THEN calendar_minutes ELSE 0 END), 0)"
			+ " AS calendar_minutes,"
			+ " COALESCE(SUM(CASE WHEN closed_on IS NOT NULL AND NOT sla_breached THEN 1 ELSE 0 END), 0) AS sla_met,"
			+ " COALESCE(SUM(CASE WHEN sla_breached THEN 1 ELSE 0 END), 0) AS sla_breached,"
			+ " COALESCE(SUM(CASE WHEN rating = 'POSITIVE' THEN 1 ELSE 0 END), 0) AS positive,"
			+ " COALESCE(SUM(CASE WHEN rating = 'NEUTRAL' THEN 1 ELSE 0 END), 0) AS neutral,"
			+ " COALESCE(SUM(CASE WHEN rating = 'NEGATIVE' THEN 1 ELSE 0 END), 0) AS negative,"
			+ " COALESCE(SUM(CASE WHEN response_minutes IS NOT NULL THEN 1 ELSE 0 END), 0) AS responded,"
			+ " COALESCE(SUM(response_minutes), 0) AS response_minutes";

	/** The same figures summed from the pre-aggregated days. */
	String SUMS = "COALESCE(SUM(cases), 0) AS cases, COALESCE(SUM(finished), 0) AS finished,"
			+ " COALESCE(SUM(closed_at_front_office), 0) AS closed_at_front_office,"
			+ " COALESCE(SUM(with_article), 0) AS with_article, COALESCE(SUM(timed_cases), 0) AS timed_cases,"
			+ " COALESCE(SUM(working_minutes), 0) AS working_minutes,"
			+ " COALESCE(SUM(calendar_minutes), 0) AS calendar_minutes, COALESCE(SUM(sla_met), 0) AS sla_met,"
			+ " COALESCE(SUM(sla_breached), 0) AS sla_breached, COALESCE(SUM(positive), 0) AS positive,"
			+ " COALESCE(SUM(neutral), 0) AS neutral, COALESCE(SUM(negative), 0) AS negative,"
			+ " COALESCE(SUM(responded), 0) AS responded, COALESCE(SUM(response_minutes), 0) AS response_minutes";

	String IN_SCOPE = "<foreach item='code' collection='scope.administrations' open='(' separator=',' close=')'>#{code}</foreach>";

	/**
	 * The reader's scope and the filter's administration: on the front office's
	 * administration only, or on the one that opened or owns the case.
	 */
	String SCOPE = "<choose><when test='frontOnly'>"
			+ "<if test='filter.administration != null'> AND front_administration = #{filter.administration}</if>"
			+ "<if test='!scope.network'> AND front_administration IN " + IN_SCOPE + "</if>" + "</when><otherwise>"
			+ "<if test='filter.administration != null'> AND (front_administration = #{filter.administration}"
			+ " OR owner_administration = #{filter.administration})</if>"
			+ "<if test='!scope.network'> AND (front_administration IN " + IN_SCOPE + " OR owner_administration IN "
			+ IN_SCOPE + ")</if>" + "</otherwise></choose>";

	/** The filter's topic and channel, on the facts or the sums (both have them). */
	String NARROWED = "<if test='filter.topic != null'> AND topic_code = #{filter.topic}</if>"
			+ "<if test='filter.channel != null'> AND channel = #{filter.channel}</if>";

	String PERIOD = " WHERE opened_on BETWEEN #{filter.from} AND #{filter.to}";

	/**
	 * The period's sums: its whole months from the month rows, the days at its ends from
	 * the day rows.
	 */
	String SUMMED = " FROM spt_dw_sum WHERE ((grain = 'M' AND opened_on &gt;= #{wholeFrom}"
			+ " AND opened_on &lt; #{wholeUntil}) OR (grain = 'D' AND opened_on BETWEEN #{filter.from} AND #{filter.to}"
			+ " AND (opened_on &lt; #{wholeFrom} OR opened_on &gt;= #{wholeUntil})))";

	@Select("<script>SELECT ${dimension} AS label, "
			+ "<choose><when test='frontOnly'>NULLIF(MIN(front_administration), '')</when>"
			+ "<otherwise>NULL</otherwise></choose> AS administration, " + SUMS + SUMMED + SCOPE + NARROWED
			+ " GROUP BY ${dimension} ORDER BY <if test='byLabel'>label</if>"
			+ "<if test='!byLabel'>cases DESC, label</if></script>")
	List<Figures> breakdown(@Param("scope") ReportScope scope, @Param("filter") ReportFilter filter,
			@Param("dimension") String dimension, @Param("frontOnly") boolean frontOnly,
			@Param("byLabel") boolean byLabel, @Param("wholeFrom") LocalDate wholeFrom,
			@Param("wholeUntil") LocalDate wholeUntil);

	/**
	 * Cases per outcome class, from their own sums (the other figures stay 0): whole
	 * months from the month rows, the days at the ends from the day rows.
	 */
	@Select("<script>SELECT NULLIF(outcome_class, '') AS label, NULL AS administration, COALESCE(SUM(cases), 0) AS cases,"
			+ " 0 AS finished, COALESCE(SUM(closed_at_front_office), 0) AS closed_at_front_office, 0 AS with_article,"
			+ " 0 AS timed_cases, 0 AS working_minutes, 0 AS calendar_minutes, 0 AS sla_met, 0 AS sla_breached,"
			+ " 0 AS positive, 0 AS neutral, 0 AS negative, 0 AS responded, 0 AS response_minutes FROM spt_dw_outcome"
			+ " WHERE ((grain = 'M' AND opened_on &gt;= #{wholeFrom} AND opened_on &lt; #{wholeUntil})"
			+ " OR (grain = 'D' AND opened_on BETWEEN #{filter.from} AND #{filter.to}"
			+ " AND (opened_on &lt; #{wholeFrom} OR opened_on &gt;= #{wholeUntil})))" + SCOPE + NARROWED
			+ " GROUP BY NULLIF(outcome_class, '') ORDER BY cases DESC, label</script>")
	List<Figures> outcomes(@Param("scope") ReportScope scope, @Param("filter") ReportFilter filter,
			@Param("frontOnly") boolean frontOnly, @Param("wholeFrom") LocalDate wholeFrom,
			@Param("wholeUntil") LocalDate wholeUntil);

	@Select("<script>SELECT 'total' AS label, NULL AS administration, " + SUMS + SUMMED + SCOPE + NARROWED
			+ "</script>")
	Figures total(@Param("scope") ReportScope scope, @Param("filter") ReportFilter filter,
			@Param("frontOnly") boolean frontOnly, @Param("wholeFrom") LocalDate wholeFrom,
			@Param("wholeUntil") LocalDate wholeUntil);

	String FACT_COLUMNS = "case_key, opened_on, opened_hour, channel, topic_code, front_office, front_administration,"
			+ " owner_administration, status, closed_on, closed_at_front_office, with_article, administrations,"
			+ " transfers, calendar_minutes, working_minutes, sla_breached, escalation_level, rating, outcome_class,"
			+ " topic_class, response_minutes";

	/** The period's facts in scope, streamed (exports). */
	@Select("<script>SELECT " + FACT_COLUMNS + " FROM spt_dw_case" + PERIOD + SCOPE + NARROWED
			+ " ORDER BY opened_on, opened_hour, case_key</script>")
	@Options(fetchSize = 1000, resultSetType = ResultSetType.FORWARD_ONLY)
	Cursor<CaseFact> facts(@Param("scope") ReportScope scope, @Param("filter") ReportFilter filter,
			@Param("frontOnly") boolean frontOnly);

	@Select("<script>SELECT COUNT(*) FROM spt_dw_case" + PERIOD + SCOPE + NARROWED + "</script>")
	long countFacts(@Param("scope") ReportScope scope, @Param("filter") ReportFilter filter,
			@Param("frontOnly") boolean frontOnly);

	/**
	 * Open cases in scope by the day they were opened (any period: the backlog is
	 * today's).
	 */
	@Select("<script>SELECT opened_on, COUNT(*) AS cases FROM spt_dw_case WHERE closed_on IS NULL" + SCOPE + NARROWED
			+ " GROUP BY opened_on</script>")
	List<DayCount> openByDay(@Param("scope") ReportScope scope, @Param("filter") ReportFilter filter,
			@Param("frontOnly") boolean frontOnly);

	/** Cases opened per topic and day, from a day to another. */
	@Select("<script>SELECT topic_code AS label, opened_on, SUM(cases) AS cases FROM spt_dw_sum WHERE grain = 'D'"
			+ " AND opened_on BETWEEN #{from} AND #{filter.to}" + SCOPE + NARROWED
			+ " GROUP BY topic_code, opened_on</script>")
	List<TopicDay> topicsByDay(@Param("scope") ReportScope scope, @Param("filter") ReportFilter filter,
			@Param("from") LocalDate from, @Param("frontOnly") boolean frontOnly);

	/** A month's sums over the whole network, by the open data's dimensions. */
	@Select("SELECT front_administration, owner_administration, topic_code, topic_class, channel,"
			+ " SUM(cases) AS cases, SUM(finished) AS finished, SUM(closed_at_front_office) AS closed_at_front_office,"
			+ " SUM(sla_met) AS sla_met, SUM(sla_breached) AS sla_breached, SUM(positive) AS positive,"
			+ " SUM(neutral) AS neutral, SUM(negative) AS negative FROM spt_dw_sum WHERE grain = 'M'"
			+ " AND opened_on = #{month} GROUP BY front_administration, owner_administration, topic_code, topic_class,"
			+ " channel ORDER BY front_administration, owner_administration, topic_code, channel")
	List<OpenData.Row> openData(LocalDate month);

	/**
	 * The period's timed cases per span of working ('W') or calendar ('C') minutes: whole
	 * months from the month rows, the days at the ends from the day rows.
	 */
	@Select("<script>SELECT bucket, SUM(cases) AS cases FROM spt_dw_minutes WHERE kind = #{kind}"
			+ " AND ((grain = 'M' AND opened_on &gt;= #{wholeFrom} AND opened_on &lt; #{wholeUntil})"
			+ " OR (grain = 'D' AND opened_on BETWEEN #{filter.from} AND #{filter.to}"
			+ " AND (opened_on &lt; #{wholeFrom} OR opened_on &gt;= #{wholeUntil})))" + SCOPE
			+ " GROUP BY bucket ORDER BY bucket</script>")
	List<Medians.Bucket> minutes(@Param("scope") ReportScope scope, @Param("filter") ReportFilter filter,
			@Param("kind") String kind, @Param("frontOnly") boolean frontOnly, @Param("wholeFrom") LocalDate wholeFrom,
			@Param("wholeUntil") LocalDate wholeUntil);

	/**
	 * The same spans counted on the facts themselves, for a period narrowed by topic or
	 * channel ({@code bucket}: {@link Medians#bucketOf} of the column, a constant).
	 */
	@Select("<script>SELECT ${bucket} AS bucket, COUNT(*) AS cases FROM spt_dw_case" + PERIOD
			+ " AND working_minutes IS NOT NULL" + SCOPE + NARROWED + " GROUP BY ${bucket} ORDER BY bucket</script>")
	List<Medians.Bucket> factMinutes(@Param("scope") ReportScope scope, @Param("filter") ReportFilter filter,
			@Param("bucket") String bucket, @Param("frontOnly") boolean frontOnly);

	/**
	 * The period's office legs per office (cases opened in the period), within the
	 * reader's scope by the office's administration; narrowed by topic or channel through
	 * the case's fact.
	 */
	@Select("<script>SELECT l.office_group_id, MIN(l.administration_code) AS administration_code, COUNT(*) AS legs,"
			+ " COALESCE(SUM(CASE WHEN l.finished THEN 1 ELSE 0 END), 0) AS finished,"
			+ " COALESCE(SUM(CASE WHEN l.response_minutes IS NOT NULL THEN 1 ELSE 0 END), 0) AS responded,"
			+ " COALESCE(SUM(l.response_minutes), 0) AS response_minutes,"
			+ " COALESCE(SUM(CASE WHEN l.working_minutes IS NOT NULL THEN 1 ELSE 0 END), 0) AS timed,"
			+ " COALESCE(SUM(l.working_minutes), 0) AS working_minutes,"
			+ " COALESCE(SUM(CASE WHEN l.sla_breached THEN 1 ELSE 0 END), 0) AS sla_breached,"
			+ " COALESCE(MAX(l.escalation_level), 0) AS max_escalation FROM spt_dw_leg l"
			+ "<if test='filter.topic != null or filter.channel != null'> JOIN spt_dw_case c ON c.case_key = l.case_key"
			+ "<if test='filter.topic != null'> AND c.topic_code = #{filter.topic}</if>"
			+ "<if test='filter.channel != null'> AND c.channel = #{filter.channel}</if></if>"
			+ " WHERE l.opened_on BETWEEN #{filter.from} AND #{filter.to}"
			+ "<if test='filter.administration != null'> AND l.administration_code = #{filter.administration}</if>"
			+ "<if test='!scope.network'> AND l.administration_code IN " + IN_SCOPE + "</if>"
			+ " GROUP BY l.office_group_id ORDER BY legs DESC, l.office_group_id</script>")
	List<LegFigures> byOfficeLeg(@Param("scope") ReportScope scope, @Param("filter") ReportFilter filter);

	@Select("SELECT DISTINCT opened_on FROM spt_dw_sum WHERE grain = 'M' ORDER BY opened_on DESC")
	List<LocalDate> summedMonths();

	record DayCount(LocalDate openedOn, long cases) {
	}

	record TopicDay(String label, LocalDate openedOn, long cases) {
	}

}
