package org.sportello.reporting;

import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The warehouse's load: reads a case's operational rows and writes its fact. */
@Mapper
interface FactMapper {

	/**
	 * The case's key, locked: serialises refreshes of one case across transactions and
	 * nodes.
	 */
	@Select("<script>SELECT case_id, case_key FROM spt_report_case WHERE case_id IN" + IDS
			+ " ORDER BY case_id FOR UPDATE</script>")
	List<FactKey> lockKeys(@Param("ids") Collection<String> caseIds);

	/** A MyBatis IN list of the parameter {@code ids}. */
	String IDS = " <foreach collection='ids' item='id' open='(' separator=',' close=')'>#{id}</foreach>";

	/** The statuses {@code CaseStatus.isFinal()} names, for SQL. */
	String FINAL = "('RISOLTA', 'CHIUSA', 'NON_DI_COMPETENZA')";

	@Select("<script>SELECT c.id AS case_id, c.created_at, c.channel, c.topic_code, c.opened_office,"
			+ " o.administration_code AS front_administration,"
			+ " (SELECT MIN(a.administration_code) FROM spt_case_administration a WHERE a.case_id = c.id"
			+ " AND a.role = 'OWNER') AS owner_administration, c.status,"
			+ " (SELECT MAX(e.occurred_at) FROM spt_case_event e WHERE e.case_id = c.id AND e.status IN " + FINAL
			+ ") AS closed_at,"
			+ " (SELECT COUNT(*) FROM spt_case_event e WHERE e.case_id = c.id AND e.status = 'INOLTRATA') AS forwards,"
			+ " (SELECT COUNT(*) FROM spt_case_administration a WHERE a.case_id = c.id) AS administrations,"
			+ " (SELECT COUNT(*) FROM spt_case_event e WHERE e.case_id = c.id AND e.event_type = 'TRANSFERRED')"
			+ " AS transfers," + " (SELECT COUNT(*) FROM spt_case_article x WHERE x.case_id = c.id) AS articles,"
			+ " k.used_ms AS case_clock_used_ms, k.phase AS case_clock_phase,"
			+ " (SELECT COALESCE(MAX(s.escalation_level), 0) FROM spt_sla_clock s WHERE s.case_id = c.id)"
			+ " AS escalation_level,"
			+ " (SELECT COUNT(*) FROM spt_sla_clock s WHERE s.case_id = c.id AND s.breached_at IS NOT NULL) AS breaches,"
			+ " r.rating, c.outcome_class, t.class_code AS topic_class, k.response_used_ms AS case_clock_response_ms"
			+ " FROM spt_case c LEFT JOIN spt_office o ON o.group_id = c.opened_office"
			+ " LEFT JOIN spt_topic t ON t.code = c.topic_code"
			+ " LEFT JOIN spt_sla_clock k ON k.case_id = c.id AND k.scope = 'CASE'"
			+ " LEFT JOIN spt_rating r ON r.case_id = c.id WHERE c.id IN" + IDS + "</script>")
	List<CaseSource> sources(@Param("ids") Collection<String> caseIds);

	@Insert("<script>INSERT INTO spt_report_case (case_id, case_key) VALUES"
			+ " <foreach collection='keys' item='k' separator=','>(#{k.caseId}, #{k.caseKey})</foreach></script>")
	void insertKeys(@Param("keys") List<FactKey> keys);

	@Delete("<script>DELETE FROM spt_dw_case WHERE case_key IN" + IDS + "</script>")
	void deleteFacts(@Param("ids") Collection<String> caseKeys);

	/** The case's office clocks (one per back office that worked it), oldest first. */
	@Select("<script>SELECT case_id, office_group_id, administration_code, started_at, phase, used_ms,"
			+ " response_used_ms, CASE WHEN breached_at IS NULL THEN 0 ELSE 1 END AS breaches, escalation_level"
			+ " FROM spt_sla_clock WHERE case_id IN" + IDS + " AND scope = 'OFFICE'"
			+ " ORDER BY case_id, started_at, office_group_id</script>")
	List<LegFact.Source> legSources(@Param("ids") Collection<String> caseIds);

	@Delete("<script>DELETE FROM spt_dw_leg WHERE case_key IN" + IDS + "</script>")
	void deleteLegs(@Param("ids") Collection<String> caseKeys);

	@Insert("<script>INSERT INTO spt_dw_leg (case_key, office_group_id, administration_code, opened_on, started_on,"
			+ " finished, response_minutes, working_minutes, sla_breached, escalation_level) VALUES"
			+ " <foreach collection='legs' item='l' separator=','>(#{l.caseKey}, #{l.officeGroupId},"
			+ " #{l.administrationCode}, #{l.openedOn}, #{l.startedOn}, #{l.finished}, #{l.responseMinutes},"
			+ " #{l.workingMinutes}, #{l.slaBreached}, #{l.escalationLevel})</foreach></script>")
	void insertLegs(@Param("legs") List<LegFact> legs);

	@Insert("<script>INSERT INTO spt_dw_case (case_key, opened_on, opened_hour, channel, topic_code, front_office,"
			+ " front_administration, owner_administration, status, closed_on, closed_at_front_office, with_article,"
			+ " administrations, transfers, calendar_minutes, working_minutes, sla_breached, escalation_level, rating,"
			+ " outcome_class, topic_class, response_minutes) VALUES <foreach collection='facts' item='f' separator=','>"
			+ "(#{f.caseKey}, #{f.openedOn}, #{f.openedHour}, #{f.channel}, #{f.topicCode}, #{f.frontOffice},"
			+ " #{f.frontAdministration}, #{f.ownerAdministration}, #{f.status}, #{f.closedOn},"
			+ " #{f.closedAtFrontOffice}, #{f.withArticle}, #{f.administrations}, #{f.transfers},"
			+ " #{f.calendarMinutes}, #{f.workingMinutes}, #{f.slaBreached}, #{f.escalationLevel}, #{f.rating},"
			+ " #{f.outcomeClass}, #{f.topicClass}, #{f.responseMinutes})</foreach></script>")
	void insertFacts(@Param("facts") List<CaseFact> facts);

	/** The case's fact is to be computed again (in the changing transaction). */
	@Insert("INSERT INTO spt_dw_dirty_case (case_id) VALUES (#{caseId})")
	void markCase(String caseId);

	/** The oldest marks, to be taken by the fact refresh. */
	@Select("SELECT id, case_id FROM spt_dw_dirty_case ORDER BY id LIMIT #{limit}")
	List<CaseMark> markedCases(int limit);

	@Delete("<script>DELETE FROM spt_dw_dirty_case WHERE id IN" + IDS + "</script>")
	void unmarkCases(@Param("ids") Collection<Long> markIds);

	/**
	 * Holds the fact refresh's row until the transaction ends: one refresh at a time
	 * across the cluster.
	 */
	@Select("SELECT name FROM spt_sweep_lock WHERE name = 'dw-facts' FOR UPDATE")
	String lockFactRefresh();

	/** A case's warehouse key. */
	record FactKey(String caseId, String caseKey) {
	}

	/** A case marked for its fact to be computed again. */
	record CaseMark(long id, String caseId) {
	}

	/**
	 * The mark, unless the row is there (the project's insert-if-absent, as for
	 * opt-outs).
	 */
	@Insert("INSERT INTO spt_dw_dirty_day (opened_on, shard) SELECT #{day}, #{shard} FROM (SELECT 1 AS x) one"
			+ " WHERE NOT EXISTS (SELECT 1 FROM spt_dw_dirty_day WHERE opened_on = #{day} AND shard = #{shard})")
	void markDirty(@Param("day") java.time.LocalDate day, @Param("shard") int shard);

	@Select("SELECT DISTINCT opened_on FROM spt_dw_dirty_day ORDER BY opened_on")
	List<java.time.LocalDate> dirtyDays();

	@Delete("DELETE FROM spt_dw_dirty_day WHERE opened_on = #{day}")
	void clearDirty(java.time.LocalDate day);

	String SUM_COLUMNS = "grain, opened_on, front_office, front_administration, owner_administration, topic_code,"
			+ " channel, topic_class, cases, finished, closed_at_front_office, with_article, timed_cases, working_minutes,"
			+ " calendar_minutes, sla_met, sla_breached, positive, neutral, negative, responded, response_minutes";

	/** Removes the sums of one grain ('D', 'M'), of one day or month or of all. */
	@Delete("<script>DELETE FROM spt_dw_sum WHERE grain = #{grain}<if test='on != null'> AND opened_on = #{on}</if>"
			+ "</script>")
	void deleteSums(@Param("grain") String grain, @Param("on") java.time.LocalDate on);

	/** Sums the facts of a day (or of every day) into day rows. */
	@Insert("<script>INSERT INTO spt_dw_sum (" + SUM_COLUMNS + ") SELECT 'D', opened_on, COALESCE(front_office, ''),"
			+ " COALESCE(front_administration, ''), COALESCE(owner_administration, ''), topic_code, channel,"
			+ " COALESCE(topic_class, ''), " + ReportMapper.FIGURES
			+ " FROM spt_dw_case<if test='day != null'> WHERE opened_on = #{day}</if>"
			+ " GROUP BY opened_on, COALESCE(front_office, ''), COALESCE(front_administration, ''),"
			+ " COALESCE(owner_administration, ''), topic_code, channel, COALESCE(topic_class, '')</script>")
	int sumDays(@Param("day") java.time.LocalDate day);

	/** Sums the day rows of a month (or of every month) into month rows. */
	@Insert("<script>INSERT INTO spt_dw_sum (" + SUM_COLUMNS + ") SELECT 'M', " + MONTH_START
			+ ", front_office, front_administration, owner_administration, topic_code, channel, topic_class, "
			+ ReportMapper.SUMS + " FROM spt_dw_sum WHERE grain = 'D'"
			+ "<if test='month != null'> AND opened_on &gt;= #{month} AND opened_on &lt; #{next}</if> GROUP BY "
			+ MONTH_START + ", front_office, front_administration, owner_administration, topic_code, channel,"
			+ " topic_class</script>")
	int sumMonths(@Param("month") java.time.LocalDate month, @Param("next") java.time.LocalDate next);

	/** Removes the outcome sums of one grain, of one day or month or of all. */
	@Delete("<script>DELETE FROM spt_dw_outcome WHERE grain = #{grain}<if test='on != null'> AND opened_on = #{on}</if>"
			+ "</script>")
	void deleteOutcomes(@Param("grain") String grain, @Param("on") java.time.LocalDate on);

	/**
	 * Counts the facts of a day (or of every day) per outcome class, with the filters'
	 * dimensions.
	 */
	@Insert("<script>INSERT INTO spt_dw_outcome (grain, opened_on, front_administration, owner_administration,"
			+ " topic_code, channel, outcome_class, cases, closed_at_front_office) SELECT 'D', opened_on,"
			+ " COALESCE(front_administration, ''), COALESCE(owner_administration, ''), topic_code, channel,"
			+ " COALESCE(outcome_class, ''), COUNT(*), COALESCE(SUM(CASE WHEN closed_at_front_office THEN 1 ELSE 0 END), 0)"
			+ " FROM spt_dw_case<if test='day != null'> WHERE opened_on = #{day}</if> GROUP BY opened_on,"
			+ " COALESCE(front_administration, ''), COALESCE(owner_administration, ''), topic_code, channel,"
			+ " COALESCE(outcome_class, '')</script>")
	int sumOutcomeDays(@Param("day") java.time.LocalDate day);

	@Insert("<script>INSERT INTO spt_dw_outcome (grain, opened_on, front_administration, owner_administration,"
			+ " topic_code, channel, outcome_class, cases, closed_at_front_office) SELECT 'M', " + MONTH_START
			+ ", front_administration, owner_administration, topic_code, channel, outcome_class, SUM(cases),"
			+ " SUM(closed_at_front_office) FROM spt_dw_outcome WHERE grain = 'D'"
			+ "<if test='month != null'> AND opened_on &gt;= #{month} AND opened_on &lt; #{next}</if> GROUP BY "
			+ MONTH_START + ", front_administration, owner_administration, topic_code, channel, outcome_class</script>")
	int sumOutcomeMonths(@Param("month") java.time.LocalDate month, @Param("next") java.time.LocalDate next);

	/** Removes the spans of minutes of one grain, of one day or month or of all. */
	@Delete("<script>DELETE FROM spt_dw_minutes WHERE grain = #{grain}<if test='on != null'> AND opened_on = #{on}</if>"
			+ "</script>")
	void deleteMinutes(@Param("grain") String grain, @Param("on") java.time.LocalDate on);

	/**
	 * Counts the timed facts of a day (or of every day) per span of working or calendar
	 * minutes ({@link Medians}).
	 */
	@Insert("<script>INSERT INTO spt_dw_minutes (grain, opened_on, front_administration, owner_administration, kind,"
			+ " bucket, cases) SELECT 'D', opened_on, front_administration, owner_administration, kind, bucket,"
			+ " COUNT(*) FROM (SELECT opened_on, COALESCE(front_administration, '') AS front_administration,"
			+ " COALESCE(owner_administration, '') AS owner_administration, '${kind}' AS kind, ${bucket} AS bucket"
			+ " FROM spt_dw_case WHERE working_minutes IS NOT NULL<if test='day != null'> AND opened_on = #{day}</if>"
			+ ") spans GROUP BY opened_on, front_administration, owner_administration, kind, bucket</script>")
	int sumMinuteDays(@Param("day") java.time.LocalDate day, @Param("kind") String kind,
			@Param("bucket") String bucket);

	/** Sums the day spans of a month (or of every month) into month rows. */
	@Insert("<script>INSERT INTO spt_dw_minutes (grain, opened_on, front_administration, owner_administration, kind,"
			+ " bucket, cases) SELECT 'M', " + MONTH_START
			+ ", front_administration, owner_administration, kind, bucket, SUM(cases) FROM spt_dw_minutes"
			+ " WHERE grain = 'D'<if test='month != null'> AND opened_on &gt;= #{month} AND opened_on &lt; #{next}</if>"
			+ " GROUP BY " + MONTH_START + ", front_administration, owner_administration, kind, bucket</script>")
	int sumMinuteMonths(@Param("month") java.time.LocalDate month, @Param("next") java.time.LocalDate next);

	/** The first day of a day row's month, in both databases' SQL. */
	String MONTH_START = "CAST(CONCAT(CAST(EXTRACT(YEAR FROM opened_on) AS CHAR(4)), '-',"
			+ " LPAD(TRIM(CAST(EXTRACT(MONTH FROM opened_on) AS CHAR(2))), 2, '0'), '-01') AS DATE)";

	/** Cases that have no fact yet (opened before the warehouse, or by a failed load). */
	@Select("SELECT c.id FROM spt_case c WHERE NOT EXISTS (SELECT 1 FROM spt_report_case r WHERE r.case_id = c.id)"
			+ " ORDER BY c.id LIMIT #{limit}")
	List<String> withoutFact(int limit);

}
