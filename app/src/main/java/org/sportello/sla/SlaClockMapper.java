package org.sportello.sla;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.sportello.sla.SlaClockRow.Scope;

@Mapper
interface SlaClockMapper {

	String COLUMNS = "id, case_id, scope, office_group_id, administration_code, phase, response_target_ms, "
			+ "resolution_target_ms, warning_ratio, level2_after_ms, started_at, running_since, used_ms, responded_at, "
			+ "response_used_ms, warning_at, breach_at, level2_at, warned_at, breached_at, escalation_level, ended_at, "
			+ "version";

	/** The offices' clocks of these cases (an inbox page's rows). */
	@Select({ "<script>SELECT " + COLUMNS + " FROM spt_sla_clock WHERE scope = 'OFFICE' AND case_id IN ",
			"<foreach item='id' collection='caseIds' open='(' separator=',' close=')'>#{id}</foreach></script>" })
	List<SlaClockRow> officeClocksOf(@Param("caseIds") Collection<String> caseIds);

	@Select("SELECT " + COLUMNS + " FROM spt_sla_clock WHERE case_id = #{caseId} AND scope = #{scope} "
			+ "AND office_group_id = #{office}")
	Optional<SlaClockRow> find(@Param("caseId") String caseId, @Param("scope") Scope scope,
			@Param("office") String office);

	@Select("SELECT " + COLUMNS + " FROM spt_sla_clock WHERE case_id = #{caseId} AND scope = 'CASE'")
	Optional<SlaClockRow> caseClock(String caseId);

	@Select("SELECT " + COLUMNS + " FROM spt_sla_clock WHERE case_id = #{caseId} ORDER BY scope, started_at")
	List<SlaClockRow> byCase(String caseId);

	/**
	 * Running clocks that use the office's calendar: the office's own, or for the default
	 * calendar those of every office without one.
	 */
	@Select("SELECT " + COLUMNS + " FROM spt_sla_clock c WHERE c.phase = 'RUNNING' AND (c.office_group_id = #{office} "
			+ "OR (#{office} = 'DEFAULT' AND NOT EXISTS (SELECT 1 FROM spt_calendar k "
			+ "WHERE k.office_group_id = c.office_group_id)))")
	List<SlaClockRow> runningOnCalendarOf(String office);

	@Insert("INSERT INTO spt_sla_clock (" + COLUMNS + ") VALUES (#{id}, #{caseId}, #{scope}, #{officeGroupId}, "
			+ "#{administrationCode}, #{phase}, #{responseTargetMs}, #{resolutionTargetMs}, #{warningRatio}, "
			+ "#{level2AfterMs}, #{startedAt}, #{runningSince}, #{usedMs}, #{respondedAt}, #{responseUsedMs}, "
			+ "#{warningAt}, #{breachAt}, #{level2At}, #{warnedAt}, #{breachedAt}, #{escalationLevel}, #{endedAt}, 0)")
	void insert(SlaClockRow row);

	/** Writes the clock if nobody changed it since it was read; answers 0 or 1. */
	@Update("UPDATE spt_sla_clock SET office_group_id = #{officeGroupId}, administration_code = #{administrationCode}, "
			+ "phase = #{phase}, resolution_target_ms = #{resolutionTargetMs}, running_since = #{runningSince}, "
			+ "used_ms = #{usedMs}, responded_at = #{respondedAt}, response_used_ms = #{responseUsedMs}, "
			+ "warning_at = #{warningAt}, breach_at = #{breachAt}, level2_at = #{level2At}, ended_at = #{endedAt}, "
			+ "version = version + 1 WHERE id = #{id} AND version = #{version}")
	int update(SlaClockRow row);

	/** Marks the warning given; 0 when it already was (so it is given once). */
	@Update("UPDATE spt_sla_clock SET warned_at = #{at}, version = version + 1 WHERE id = #{id} AND warned_at IS NULL")
	int markWarned(@Param("id") String id, @Param("at") Instant at);

	/**
	 * Raises the escalation level; 0 when it already is that high (so each fires once).
	 */
	@Update("UPDATE spt_sla_clock SET escalation_level = #{level}, breached_at = COALESCE(breached_at, #{at}), "
			+ "version = version + 1 WHERE id = #{id} AND escalation_level < #{level}")
	int markEscalated(@Param("id") String id, @Param("level") int level, @Param("at") Instant at);

	/**
	 * Offices' running clocks of one partition with a step due by {@code now} (warning,
	 * first or second level), the longest overdue first; from the index on the generated
	 * next_due_at.
	 */
	@Select("SELECT " + COLUMNS + " FROM spt_sla_clock WHERE next_due_at <= #{now} AND " + PARTITION
			+ " = #{partition} ORDER BY next_due_at, id LIMIT #{limit}")
	List<SlaClockRow> due(@Param("now") Instant now, @Param("partition") int partition, @Param("limit") int limit);

	/** The case's clocks with a step due by {@code now}. */
	@Select("SELECT " + COLUMNS + " FROM spt_sla_clock WHERE case_id = #{caseId} AND next_due_at <= #{now} "
			+ "ORDER BY next_due_at, id")
	List<SlaClockRow> dueOf(@Param("caseId") String caseId, @Param("now") Instant now);

	/** The clock, if a step of it is due by {@code now}. */
	@Select("SELECT " + COLUMNS + " FROM spt_sla_clock WHERE id = #{id} AND next_due_at <= #{now}")
	Optional<SlaClockRow> dueClock(@Param("id") String id, @Param("now") Instant now);

	/**
	 * The case's open tasks, from the task projection's table (its API, in
	 * {@code tasklist}, sits above this module and reads each task through a
	 * {@code TaskQuery}).
	 */
	@Select("SELECT task_id FROM spt_task WHERE case_id = #{caseId}")
	List<String> taskIdsOf(String caseId);

	/**
	 * A clock's sweep partition, from the last character of its id (a hexadecimal digit
	 * of a random UUID).
	 */
	String PARTITION = "MOD(ASCII(RIGHT(id, 1)), 4)";

	/** How many clocks have a step due by {@code now}. */
	@Select("SELECT COUNT(*) FROM spt_sla_clock WHERE next_due_at <= #{now}")
	long countDue(Instant now);

	/**
	 * Holds the partition's sweep row until the transaction ends: one worker per
	 * partition at a time across the cluster's nodes.
	 */
	@Select("SELECT name FROM spt_sweep_lock WHERE name = CONCAT('sla-', #{partition}) FOR UPDATE")
	String lockSweep(int partition);

	@Select("SELECT COUNT(*) FROM spt_sla_clock WHERE scope = 'OFFICE' AND escalation_level >= #{level}")
	long countEscalated(int level);

}
