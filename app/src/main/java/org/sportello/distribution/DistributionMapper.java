package org.sportello.distribution;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Skills, duty and the front offices' queues. The queues are the tasklist's rows
 * ({@code spt_task}): a move is one conditional update of the row, so that two nodes
 * re-balancing at once move a task once, and a claimed task (assignee set in the same
 * transaction as the claim) never.
 */
@Mapper
interface DistributionMapper {

	record OfficeSkill(String officeGroupId, String skill) {
	}

	record OfficeCount(String officeGroupId, int count) {
	}

	record Duty(String userId, String officeGroupId, String state, Instant since, Instant onDutyUntil) {
	}

	/** A waiting (unclaimed) task of a front office, with one of its case's needs. */
	record QueuedRow(String taskId, String caseId, String officeGroupId, String homeOfficeGroupId, Instant createdAt,
			Instant movedAt, String need) {
	}

	@Select("SELECT office_group_id, skill FROM spt_office_skill ORDER BY office_group_id, skill")
	List<OfficeSkill> officeSkills();

	@Delete("DELETE FROM spt_office_skill WHERE office_group_id = #{office}")
	void deleteOfficeSkills(String office);

	@Insert("INSERT INTO spt_office_skill (office_group_id, skill) VALUES (#{office}, #{skill})")
	void insertOfficeSkill(@Param("office") String office, @Param("skill") String skill);

	@Select("SELECT skill FROM spt_operator_skill WHERE user_id = #{userId} ORDER BY skill")
	List<String> operatorSkills(String userId);

	@Delete("DELETE FROM spt_operator_skill WHERE user_id = #{userId}")
	void deleteOperatorSkills(String userId);

	@Insert("INSERT INTO spt_operator_skill (user_id, skill) VALUES (#{userId}, #{skill})")
	void insertOperatorSkill(@Param("userId") String userId, @Param("skill") String skill);

	@Select("SELECT user_id, office_group_id, state, since, on_duty_until FROM spt_operator_duty "
			+ "WHERE user_id = #{userId} ORDER BY office_group_id")
	List<Duty> dutiesOf(String userId);

	@Delete("DELETE FROM spt_operator_duty WHERE user_id = #{userId} AND office_group_id = #{office}")
	void deleteDuty(@Param("userId") String userId, @Param("office") String office);

	@Insert("INSERT INTO spt_operator_duty (user_id, office_group_id, state, since, on_duty_until) "
			+ "VALUES (#{userId}, #{office}, #{state}, #{since}, #{until})")
	void insertDuty(@Param("userId") String userId, @Param("office") String office, @Param("state") String state,
			@Param("since") Instant since, @Param("until") Instant until);

	/**
	 * An operator marked on duty at an office, with one of the operator's skills (or
	 * none).
	 */
	record OnDuty(String userId, String officeGroupId, Instant onDutyUntil, String skill) {
	}

	/**
	 * Every operator marked on duty (whether the day has ended is for the reader to say).
	 */
	@Select("SELECT d.user_id, d.office_group_id, d.on_duty_until, s.skill FROM spt_operator_duty d "
			+ "LEFT JOIN spt_operator_skill s ON s.user_id = d.user_id WHERE d.state = 'ON_DUTY' "
			+ "ORDER BY d.office_group_id, d.user_id")
	List<OnDuty> markedOnDuty();

	/** The unclaimed tasks waiting in these offices, oldest in its queue first. */
	@Select("<script>SELECT t.task_id, t.case_id, t.office_group_id, t.home_office_group_id, t.created_at, t.moved_at, "
			+ "n.skill AS need FROM spt_task t LEFT JOIN spt_case_need n ON n.case_id = t.case_id "
			+ "WHERE t.assignee IS NULL AND t.case_id IS NOT NULL AND t.office_group_id IN "
			+ "<foreach item='o' collection='offices' open='(' separator=',' close=')'>#{o}</foreach> "
			+ "ORDER BY COALESCE(t.moved_at, t.created_at), t.task_id</script>")
	List<QueuedRow> queued(@Param("offices") List<String> offices);

	/** One task's row (and needs), whoever holds it. */
	@Select("SELECT t.task_id, t.case_id, t.office_group_id, t.home_office_group_id, t.created_at, t.moved_at, "
			+ "n.skill AS need FROM spt_task t LEFT JOIN spt_case_need n ON n.case_id = t.case_id "
			+ "WHERE t.task_id = #{taskId}")
	List<QueuedRow> task(String taskId);

	/**
	 * The move: only from where the mover saw it, only while nobody has claimed it, and,
	 * for moves made for load, only once it has settled since its last move.
	 */
	@Update("<script>UPDATE spt_task SET office_group_id = #{to}, "
			+ "home_office_group_id = COALESCE(home_office_group_id, #{from}), moved_at = #{now}, queued_at = #{now}, "
			+ "moves = moves + 1 " + "WHERE task_id = #{taskId} AND office_group_id = #{from} AND assignee IS NULL"
			+ "<if test='settledBefore != null'> AND (moved_at IS NULL OR moved_at &lt; #{settledBefore})</if></script>")
	int move(@Param("taskId") String taskId, @Param("from") String from, @Param("to") String to,
			@Param("now") Instant now, @Param("settledBefore") Instant settledBefore);

	/** Tasks completed per office since then (the board's "handled in the last hour"). */
	@Select("SELECT office AS office_group_id, COUNT(*) AS count FROM spt_case_event "
			+ "WHERE event_type = 'TASK_COMPLETED' AND occurred_at >= #{since} AND office IS NOT NULL GROUP BY office")
	List<OfficeCount> handledSince(Instant since);

	/**
	 * Waiting tasks per office whose case's clock at the office it was given to is past
	 * its warning (or escalated).
	 */
	@Select("SELECT t.office_group_id, COUNT(*) AS count FROM spt_task t "
			+ "JOIN spt_sla_clock k ON k.case_id = t.case_id AND k.scope = 'OFFICE' "
			+ "AND k.office_group_id = COALESCE(t.home_office_group_id, t.office_group_id) AND k.phase = 'RUNNING' "
			+ "WHERE t.assignee IS NULL AND (k.escalation_level > 0 OR k.warned_at IS NOT NULL OR k.warning_at <= #{now}) "
			+ "GROUP BY t.office_group_id")
	List<OfficeCount> atRisk(Instant now);

	record OfficeLoad(String officeGroupId, int waiting, Instant oldest) {
	}

	/** An office's queue as placing a task reads it: counted up to {@code cap}. */
	record QueueProbe(String officeGroupId, int cap) {
	}

	/**
	 * Waiting tasks per office, counted up to the probe's cap, and the oldest one's time
	 * in its queue: both from the front of ix_spt_task_office_queue, whatever the queue's
	 * length. Offices without waiting tasks answer 0 and null.
	 */
	@Select("<script><foreach item='p' collection='probes' separator=' UNION ALL '>"
			+ "SELECT o.group_id AS office_group_id, (SELECT COUNT(*) FROM (SELECT 1 AS one FROM spt_task "
			+ "WHERE office_group_id = #{p.officeGroupId} AND assignee IS NULL AND case_id IS NOT NULL "
			+ "LIMIT #{p.cap}) w) AS waiting, (SELECT queued_at FROM spt_task WHERE office_group_id = "
			+ "#{p.officeGroupId} AND assignee IS NULL AND case_id IS NOT NULL ORDER BY queued_at LIMIT 1) AS oldest "
			+ "FROM spt_office o WHERE o.group_id = #{p.officeGroupId}</foreach></script>")
	List<OfficeLoad> queueHeads(@Param("probes") List<QueueProbe> probes);

	/** Waiting (unclaimed) tasks per office and the oldest one's time in its queue. */
	@Select("<script>SELECT office_group_id, COUNT(*) AS waiting, MIN(COALESCE(moved_at, created_at)) AS oldest "
			+ "FROM spt_task WHERE assignee IS NULL AND case_id IS NOT NULL AND office_group_id IN "
			+ "<foreach item='o' collection='offices' open='(' separator=',' close=')'>#{o}</foreach> "
			+ "GROUP BY office_group_id</script>")
	List<OfficeLoad> load(@Param("offices") List<String> offices);

	/** A waiting task as the workload board lists it. */
	record WaitingRow(String taskId, String trackingCode, String topicCode, String homeOfficeGroupId, Instant createdAt,
			Instant movedAt, String need) {
	}

	@Select("SELECT t.task_id, c.tracking_code, c.topic_code, t.home_office_group_id, t.created_at, t.moved_at, "
			+ "n.skill AS need FROM spt_task t JOIN spt_case c ON c.id = t.case_id "
			+ "LEFT JOIN spt_case_need n ON n.case_id = t.case_id "
			+ "WHERE t.assignee IS NULL AND t.office_group_id = #{office} ORDER BY t.created_at, t.task_id")
	List<WaitingRow> waitingAt(String office);

	@Select("SELECT assignee FROM spt_task WHERE task_id = #{taskId}")
	String assigneeOf(String taskId);

}
