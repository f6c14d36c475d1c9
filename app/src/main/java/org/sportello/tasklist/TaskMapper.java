package org.sportello.tasklist;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Update;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface TaskMapper {

	/** A task of a case ({@code subject} null), or of a process without one. */
	@Insert("INSERT INTO spt_task (task_id, case_id, subject, office_group_id, created_at, queued_at, sla_due, "
			+ "assignee) VALUES (#{taskId}, #{caseId}, #{subject}, #{office}, #{createdAt}, #{createdAt}, #{slaDue}, "
			+ "#{assignee})")
	void insert(@Param("taskId") String taskId, @Param("caseId") String caseId, @Param("subject") String subject,
			@Param("office") String office, @Param("createdAt") Instant createdAt, @Param("slaDue") Instant slaDue,
			@Param("assignee") String assignee);

	@org.apache.ibatis.annotations.Update("UPDATE spt_task SET sla_due = #{slaDue} WHERE case_id = #{caseId} "
			+ "AND office_group_id = #{office}")
	void updateSlaDue(@Param("caseId") String caseId, @Param("office") String office, @Param("slaDue") Instant slaDue);

	@Delete("DELETE FROM spt_task WHERE task_id = #{taskId}")
	void delete(String taskId);

	@org.apache.ibatis.annotations.Update("UPDATE spt_task SET assignee = #{assignee}, delegated = #{delegated} "
			+ "WHERE task_id = #{taskId}")
	void updateAssignee(@Param("taskId") String taskId, @Param("assignee") String assignee,
			@Param("delegated") boolean delegated);

	/**
	 * The task is offered to one of the user's groups: its office (the common case, on
	 * our row) or another candidate group (escalations to supervisors and the hub).
	 */
	String CANDIDATE = "(t.office_group_id IN <foreach item='g' collection='q.groups' open='(' separator=',' close=')'>#{g}</foreach> "
			+ "OR t.task_id IN (SELECT x.task_id FROM spt_task_candidate x WHERE x.group_id IN "
			+ "<foreach item='g' collection='q.groups' open='(' separator=',' close=')'>#{g}</foreach>))";

	@Insert("INSERT INTO spt_task_candidate (task_id, group_id) SELECT #{taskId}, #{group} FROM (SELECT 1 AS x) one "
			+ "WHERE NOT EXISTS (SELECT 1 FROM spt_task_candidate WHERE task_id = #{taskId} AND group_id = #{group})")
	void addCandidate(@Param("taskId") String taskId, @Param("group") String group);

	@Delete("DELETE FROM spt_task_candidate WHERE task_id = #{taskId}")
	void deleteCandidates(String taskId);

	/**
	 * Joins the filters need, and only those (most pages are read from spt_task alone).
	 */
	String FILTER_JOINS = "<if test='q.filter.topic != null or q.filter.channel != null or q.text != null'> "
			+ "JOIN spt_case c ON c.id = t.case_id</if>"
			+ "<if test='q.text != null'> JOIN spt_case_contact p ON p.case_id = t.case_id</if>"
			+ "<if test='q.filter.administration != null'> JOIN spt_office o ON o.group_id = t.office_group_id</if>"
			+ "<if test='q.filter.sla != null'> LEFT JOIN spt_sla_clock k ON k.case_id = t.case_id AND k.scope = 'OFFICE' "
			+ "AND k.office_group_id = t.office_group_id</if>"
			+ "<if test=\"q.sort.name() == 'PRIORITY' or (q.filter.highPriorityOnly != null and q.filter.highPriorityOnly)\"> "
			+ "JOIN ACT_RU_TASK r ON r.ID_ = t.task_id</if>";

	String WHERE = "<where><choose>"
			+ "<when test=\"q.tab.name() == 'MINE'\">t.assignee = #{q.user} AND t.delegated = FALSE</when>"
			+ "<when test=\"q.tab.name() == 'DELEGATED'\">t.assignee = #{q.user} AND t.delegated = TRUE</when>"
			+ "<when test=\"q.tab.name() == 'OFFICES'\">t.assignee IS NULL AND " + CANDIDATE + "</when>" + "<otherwise>"
			+ CANDIDATE + "</otherwise></choose>"
			+ "<if test='q.filter.topic != null'> AND c.topic_code = #{q.filter.topic}</if>"
			+ "<if test='q.filter.channel != null'> AND c.channel = #{q.filter.channel}</if>"
			+ "<if test='q.filter.administration != null'> AND o.administration_code = #{q.filter.administration}</if>"
			+ "<if test='q.filter.highPriorityOnly != null and q.filter.highPriorityOnly'> AND r.PRIORITY_ &gt;= 75</if>"
			+ "<if test='q.text != null'> AND (c.tracking_code = #{q.code} OR LOWER(p.name) LIKE #{q.text})</if>"
			+ "<if test=\"q.filter.sla != null and q.filter.sla.name() == 'BREACHED'\"> AND (k.escalation_level &gt; 0 OR k.breach_at &lt;= #{q.now})</if>"
			+ "<if test=\"q.filter.sla != null and q.filter.sla.name() == 'AT_RISK'\"> AND k.escalation_level = 0 AND k.breach_at &gt; #{q.now} AND (k.warned_at IS NOT NULL OR k.warning_at &lt;= #{q.now})</if>"
			+ "<if test=\"q.filter.sla != null and q.filter.sla.name() == 'ON_TRACK'\"> AND k.escalation_level = 0 AND k.breach_at &gt; #{q.now} AND k.warned_at IS NULL AND k.warning_at &gt; #{q.now}</if>"
			+ "<if test=\"q.filter.sla != null and (q.filter.sla.name() == 'PAUSED' or q.filter.sla.name() == 'MET')\"> AND 1 = 0</if>"
			+ "</where>";

	String ORDER = "<choose><when test=\"q.sort.name() == 'NEWEST'\"> ORDER BY t.created_at DESC, t.task_id</when>"
			+ "<when test=\"q.sort.name() == 'PRIORITY'\"> ORDER BY r.PRIORITY_ DESC, t.sla_due, t.task_id</when>"
			+ "<otherwise> ORDER BY t.sla_due, t.task_id</otherwise></choose>";

	/** The page keeps the inner order (a priority order is restored in Java). */
	String OUTER_ORDER = "<choose><when test=\"q.sort.name() == 'NEWEST'\"> ORDER BY t.created_at DESC, t.task_id</when>"
			+ "<otherwise> ORDER BY t.sla_due, t.task_id</otherwise></choose>";

	/**
	 * One page: the ids come from spt_task (and the joins a filter needs), ordered and
	 * cut there; only those rows are joined with the engine's task, the case and the
	 * contact.
	 */
	@Select({ "<script>",
			"SELECT t.task_id, t.case_id, c.tracking_code, c.topic_code, c.channel, o.administration_code, "
					+ "t.office_group_id, t.created_at, t.sla_due AS breach_at, p.name AS citizen_name, t.subject "
					+ "FROM (SELECT t.task_id FROM spt_task t",
			FILTER_JOINS, WHERE, ORDER, " LIMIT #{limit} OFFSET #{offset}) page",
			" JOIN spt_task t ON t.task_id = page.task_id",
			// tasks without a case (article reviews) show their subject instead
			" LEFT JOIN spt_case c ON c.id = t.case_id LEFT JOIN spt_case_contact p ON p.case_id = t.case_id",
			" LEFT JOIN spt_office o ON o.group_id = t.office_group_id", OUTER_ORDER, "</script>" })
	List<InboxRow> inbox(@Param("q") InboxQuery query, @Param("offset") int offset, @Param("limit") int limit);

	@Select({ "<script>", "SELECT COUNT(*) FROM spt_task t", FILTER_JOINS, WHERE, "</script>" })
	int count(@Param("q") InboxQuery query);

	@Select("SELECT case_id FROM spt_task WHERE task_id = #{taskId}")
	Optional<String> caseOf(String taskId);

	@Select("SELECT office_group_id FROM spt_task WHERE task_id = #{taskId}")
	Optional<String> officeOf(String taskId);

	@Select("SELECT task_id FROM spt_task WHERE case_id = #{caseId} ORDER BY created_at")
	List<String> tasksOfCase(String caseId);

	@Insert("INSERT INTO spt_case_note (id, case_id, author, body, created_at) "
			+ "VALUES (#{id}, #{caseId}, #{author}, #{body}, #{createdAt})")
	void insertNote(CaseNote note);

	@Select("SELECT id, case_id, author, body, created_at FROM spt_case_note WHERE case_id = #{caseId} "
			+ "ORDER BY created_at, id")
	List<CaseNote> notes(String caseId);

	@Update("UPDATE spt_case_note SET body = '' WHERE case_id = #{caseId}")
	void blankNotes(String caseId);

}
