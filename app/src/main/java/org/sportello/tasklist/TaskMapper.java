package org.sportello.tasklist;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface TaskMapper {

	@Insert("INSERT INTO spt_task (task_id, case_id, office_group_id, created_at, sla_due) "
			+ "VALUES (#{taskId}, #{caseId}, #{office}, #{createdAt}, #{slaDue})")
	void insert(@Param("taskId") String taskId, @Param("caseId") String caseId, @Param("office") String office,
			@Param("createdAt") Instant createdAt, @Param("slaDue") Instant slaDue);

	@org.apache.ibatis.annotations.Update("UPDATE spt_task SET sla_due = #{slaDue} WHERE case_id = #{caseId} "
			+ "AND office_group_id = #{office}")
	void updateSlaDue(@Param("caseId") String caseId, @Param("office") String office, @Param("slaDue") Instant slaDue);

	@Delete("DELETE FROM spt_task WHERE task_id = #{taskId}")
	void delete(String taskId);

	String FROM = " FROM spt_task t JOIN ACT_RU_TASK r ON r.ID_ = t.task_id JOIN spt_case c ON c.id = t.case_id "
			+ "JOIN spt_case_contact p ON p.case_id = t.case_id "
			+ "LEFT JOIN spt_office o ON o.group_id = t.office_group_id "
			+ "LEFT JOIN spt_sla_clock k ON k.case_id = t.case_id AND k.scope = 'OFFICE' "
			+ "AND k.office_group_id = t.office_group_id ";

	String CANDIDATE = "EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK l WHERE l.TASK_ID_ = r.ID_ AND l.TYPE_ = 'candidate' "
			+ "AND l.GROUP_ID_ IN <foreach item='g' collection='q.groups' open='(' separator=',' close=')'>#{g}</foreach>)";

	String WHERE = "<where><choose>"
			+ "<when test=\"q.tab.name() == 'MINE'\">r.ASSIGNEE_ = #{q.user} AND (r.DELEGATION_ IS NULL OR r.DELEGATION_ &lt;&gt; 'PENDING')</when>"
			+ "<when test=\"q.tab.name() == 'DELEGATED'\">r.ASSIGNEE_ = #{q.user} AND r.DELEGATION_ = 'PENDING'</when>"
			+ "<when test=\"q.tab.name() == 'OFFICES'\">r.ASSIGNEE_ IS NULL AND " + CANDIDATE + "</when>"
			+ "<otherwise>" + CANDIDATE + "</otherwise></choose>"
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

	@Select({ "<script>",
			"SELECT t.task_id, t.case_id, c.tracking_code, c.topic_code, c.channel, o.administration_code, "
					+ "t.office_group_id, r.NAME_ AS task_name, r.TASK_DEF_KEY_ AS task_key, r.ASSIGNEE_ AS assignee, "
					+ "r.OWNER_ AS owner_id, r.DELEGATION_ AS delegation, r.PRIORITY_ AS priority, t.created_at, "
					+ "r.FOLLOW_UP_DATE_ AS follow_up, k.breach_at, p.name AS citizen_name" + FROM + WHERE,
			"<choose><when test=\"q.sort.name() == 'NEWEST'\"> ORDER BY t.created_at DESC, t.task_id</when>",
			"<when test=\"q.sort.name() == 'PRIORITY'\"> ORDER BY r.PRIORITY_ DESC, t.created_at, t.task_id</when>",
			"<otherwise> ORDER BY t.sla_due, t.task_id</otherwise></choose>", " LIMIT #{limit} OFFSET #{offset}",
			"</script>" })
	List<InboxRow> inbox(@Param("q") InboxQuery query, @Param("offset") int offset, @Param("limit") int limit);

	@Select({ "<script>", "SELECT COUNT(*)" + FROM + WHERE, "</script>" })
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

}
