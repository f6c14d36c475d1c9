package org.sportello.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface CaseMapper {

	@Select("SELECT code, label_it, label_en, administration_code, active FROM spt_topic WHERE active = TRUE ORDER BY label_it")
	List<Topic> topics();

	@Select("SELECT code, label_it, label_en, administration_code, active FROM spt_topic WHERE code = #{code}")
	Optional<Topic> topic(String code);

	@Insert("INSERT INTO spt_case (id, tracking_code, pin_hash, channel, topic_code, description, municipality, priority,"
			+ " status, opened_by, opened_office, created_at, updated_at, version) VALUES (#{id}, #{trackingCode},"
			+ " #{pinHash}, #{channel}, #{topicCode}, #{description}, #{municipality}, #{priority}, #{status},"
			+ " #{openedBy}, #{openedOffice}, #{createdAt}, #{updatedAt}, 0)")
	void insertCase(CaseRow row);

	@Insert("INSERT INTO spt_case_contact (case_id, name, phone, email, sms_consent, language)"
			+ " VALUES (#{caseId}, #{contact.name}, #{contact.phone}, #{contact.email}, #{contact.smsConsent}, #{contact.language})")
	void insertContact(@Param("caseId") String caseId, @Param("contact") Contact contact);

	String CASE_COLUMNS = "id, tracking_code, pin_hash, channel, topic_code, description, municipality, priority, status,"
			+ " opened_by, opened_office, created_at, updated_at, version";

	@Select("SELECT " + CASE_COLUMNS + " FROM spt_case WHERE tracking_code = #{trackingCode}")
	Optional<CaseRow> byTrackingCode(String trackingCode);

	@Update("UPDATE spt_case SET pin_hash = #{pinHash} WHERE id = #{id}")
	int updatePinHash(@Param("id") String id, @Param("pinHash") String pinHash);

	@Select("SELECT " + CASE_COLUMNS + " FROM spt_case WHERE id = #{id}")
	Optional<CaseRow> byId(String id);

	/** The citizen's most recently finished case (for ratings sent by SMS). */
	@Select("SELECT " + CASE_COLUMNS + " FROM spt_case c JOIN spt_case_contact k ON k.case_id = c.id "
			+ "WHERE k.phone = #{phone} AND c.status IN ('RISOLTA', 'CHIUSA', 'NON_DI_COMPETENZA') "
			+ "ORDER BY c.updated_at DESC, c.id LIMIT 1")
	Optional<CaseRow> latestFinishedFor(String phone);

	@Select("SELECT name, phone, email, sms_consent, language FROM spt_case_contact WHERE case_id = #{caseId}")
	Contact contact(String caseId);

	@Update("UPDATE spt_case SET status = #{status}, updated_at = #{at}, version = version + 1 WHERE id = #{id}")
	int updateStatus(@Param("id") String id, @Param("status") CaseStatus status, @Param("at") Instant at);

	@Update("UPDATE spt_case SET priority = #{priority}, updated_at = #{at}, version = version + 1 WHERE id = #{id}")
	int updatePriority(@Param("id") String id, @Param("priority") String priority, @Param("at") Instant at);

	@Select("SELECT COALESCE(MAX(seq), 0) + 1 FROM spt_case_event WHERE case_id = #{caseId}")
	int nextEventSeq(String caseId);

	@Insert("INSERT INTO spt_case_event (id, case_id, seq, occurred_at, event_type, status, actor, office,"
			+ " administration_code, citizen_visible, detail) VALUES (#{e.id}, #{e.caseId}, #{seq}, #{e.occurredAt},"
			+ " #{e.eventType}, #{e.status}, #{e.actor}, #{e.office}, #{e.administrationCode}, #{e.citizenVisible},"
			+ " #{e.detail})")
	void insertEvent(@Param("e") TimelineEvent event, @Param("seq") int seq);

	@Select("SELECT id, case_id, occurred_at, event_type, status, actor, office, administration_code, citizen_visible, detail"
			+ " FROM spt_case_event WHERE case_id = #{caseId} ORDER BY seq")
	List<TimelineEvent> timeline(String caseId);

	@Select("SELECT case_id, administration_code, role, since FROM spt_case_administration WHERE case_id = #{caseId}"
			+ " ORDER BY since, administration_code")
	List<Participation> participations(String caseId);

	@Insert("INSERT INTO spt_case_administration (case_id, administration_code, role, since)"
			+ " VALUES (#{caseId}, #{administrationCode}, #{role}, #{since})")
	void insertParticipation(Participation participation);

	@Update("UPDATE spt_case_administration SET role = #{role} WHERE case_id = #{caseId} AND administration_code = #{administrationCode}")
	int updateParticipation(@Param("caseId") String caseId, @Param("administrationCode") String administrationCode,
			@Param("role") Participation.Role role);

	@Insert("INSERT INTO spt_case_answer (id, case_id, seq, kind, office_group_id, administration_code, author, body, "
			+ "citizen_visible, created_at) SELECT #{id}, #{caseId}, COALESCE(MAX(seq), 0) + 1, #{kind}, "
			+ "#{officeGroupId}, #{administrationCode}, #{author}, #{body}, #{citizenVisible}, #{createdAt} "
			+ "FROM spt_case_answer WHERE case_id = #{caseId}")
	void insertAnswer(CaseAnswer answer);

	@Select("SELECT id, case_id, kind, office_group_id, administration_code, author, body, citizen_visible, created_at "
			+ "FROM spt_case_answer WHERE case_id = #{caseId} ORDER BY seq")
	List<CaseAnswer> answers(String caseId);

	@Insert("INSERT INTO spt_case_name_token (case_id, token) VALUES (#{caseId}, #{token})")
	void insertNameToken(@Param("caseId") String caseId, @Param("token") String token);

	@Select("SELECT k.case_id FROM spt_case_contact k WHERE NOT EXISTS "
			+ "(SELECT 1 FROM spt_case_name_token t WHERE t.case_id = k.case_id) LIMIT 500")
	List<String> casesWithoutNameTokens();

	/** The filters of a search, the access rule of the user included. */
	String SEARCH_WHERE = "<where>" + "<if test='q.code != null'> AND c.tracking_code = #{q.code}</if>"
			+ "<if test='q.phone != null'> AND k.phone = #{q.phone}</if>"
			+ "<if test='q.email != null'> AND k.email = #{q.email}</if>"
			+ "<foreach item='w' collection='q.words'> AND c.id IN (SELECT t.case_id FROM spt_case_name_token t "
			+ "WHERE t.token LIKE CONCAT(#{w}, '%'))</foreach>"
			+ "<if test='q.status != null'> AND c.status = #{q.status}</if>"
			+ "<if test='q.statuses != null'> AND c.status IN <foreach item='s' collection='q.statuses' open='(' "
			+ "separator=',' close=')'>#{s}</foreach></if>"
			+ "<if test='q.topic != null'> AND c.topic_code = #{q.topic}</if>"
			+ "<if test='q.administration != null'> AND c.id IN (SELECT a.case_id FROM spt_case_administration a "
			+ "WHERE a.administration_code = #{q.administration})</if>"
			+ "<if test='q.from != null'> AND c.created_at &gt;= #{q.from}</if>"
			+ "<if test='q.until != null'> AND c.created_at &lt; #{q.until}</if>"
			+ "<if test='q.administrations != null'> AND c.id IN (SELECT a.case_id FROM spt_case_administration a "
			+ "WHERE a.administration_code IN <foreach item='a' collection='q.administrations' open='(' separator=',' "
			+ "close=')'>#{a}</foreach>)</if>" + "</where>";

	@Select("<script>SELECT c.id, c.tracking_code, c.status, c.topic_code, c.channel, k.name AS citizen_name, "
			+ "c.created_at, c.updated_at FROM spt_case c JOIN spt_case_contact k ON k.case_id = c.id " + SEARCH_WHERE
			+ " ORDER BY c.created_at DESC, c.id DESC LIMIT #{limit} OFFSET #{offset}</script>")
	List<CaseSummary> search(@Param("q") SearchQuery query, @Param("offset") int offset, @Param("limit") int limit);

	/**
	 * How many match, counting at most {@code cap} (a count of everything costs seconds).
	 */
	@Select("<script>SELECT COUNT(*) FROM (SELECT 1 AS one FROM spt_case c JOIN spt_case_contact k ON k.case_id = c.id "
			+ SEARCH_WHERE + " LIMIT #{cap}) matches</script>")
	int countSearch(@Param("q") SearchQuery query, @Param("cap") int cap);

}
