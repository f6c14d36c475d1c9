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

	@org.apache.ibatis.annotations.Insert("INSERT INTO spt_case_need (case_id, skill) VALUES (#{caseId}, #{skill})")
	void insertNeed(@Param("caseId") String caseId, @Param("skill") String skill);

	@Select("SELECT skill FROM spt_case_need WHERE case_id = #{caseId} ORDER BY skill")
	List<String> needs(String caseId);

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

	@Update("UPDATE spt_case SET topic_code = #{topic}, updated_at = #{at}, version = version + 1 WHERE id = #{id}")
	int updateTopic(@Param("id") String id, @Param("topic") String topic, @Param("at") Instant at);

	@Update("UPDATE spt_case SET status = #{status}, updated_at = #{at}, version = version + 1 WHERE id = #{id}")
	int updateStatus(@Param("id") String id, @Param("status") CaseStatus status, @Param("at") Instant at);

	@Update("UPDATE spt_case SET priority = #{priority}, updated_at = #{at}, version = version + 1 WHERE id = #{id}")
	int updatePriority(@Param("id") String id, @Param("priority") String priority, @Param("at") Instant at);

	/** The event after the case's last one, numbered in the same statement. */
	@Insert("INSERT INTO spt_case_event (id, case_id, seq, occurred_at, event_type, status, actor, office,"
			+ " administration_code, citizen_visible, detail) SELECT #{e.id}, #{e.caseId}, COALESCE(MAX(seq), 0) + 1,"
			+ " #{e.occurredAt}, #{e.eventType}, #{e.status}, #{e.actor}, #{e.office}, #{e.administrationCode},"
			+ " #{e.citizenVisible}, #{e.detail} FROM spt_case_event WHERE case_id = #{e.caseId}")
	void insertEvent(@Param("e") TimelineEvent event);

	/** An event with its number on the case's timeline. */
	record NumberedEvent(TimelineEvent e, int seq) {
	}

	/**
	 * Events whose numbers are known (a case opened in the same transaction), in one
	 * statement.
	 */
	@Insert("<script>INSERT INTO spt_case_event (id, case_id, seq, occurred_at, event_type, status, actor, office,"
			+ " administration_code, citizen_visible, detail) VALUES <foreach item='n' collection='events' separator=','>"
			+ "(#{n.e.id}, #{n.e.caseId}, #{n.seq}, #{n.e.occurredAt}, #{n.e.eventType}, #{n.e.status}, #{n.e.actor},"
			+ " #{n.e.office}, #{n.e.administrationCode}, #{n.e.citizenVisible}, #{n.e.detail})</foreach></script>")
	void insertNumberedEvents(@Param("events") List<NumberedEvent> events);

	@Select("SELECT id, case_id, occurred_at, event_type, status, actor, office, administration_code, citizen_visible, detail"
			+ " FROM spt_case_event WHERE case_id = #{caseId} ORDER BY seq")
	List<TimelineEvent> timeline(String caseId);

	@Select("SELECT case_id, administration_code, role, since FROM spt_case_administration WHERE case_id = #{caseId}"
			+ " ORDER BY since, administration_code")
	List<Participation> participations(String caseId);

	@Insert("INSERT INTO spt_case_administration (case_id, administration_code, role, since, case_created_at)"
			+ " SELECT #{caseId}, #{administrationCode}, #{role}, #{since}, c.created_at FROM spt_case c"
			+ " WHERE c.id = #{caseId}")
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

	/** The words of a new case's name, in one statement. */
	@Insert("<script>INSERT INTO spt_case_name_token (case_id, token, case_created_at) VALUES "
			+ "<foreach item='t' collection='tokens' separator=','>(#{caseId}, #{t}, #{createdAt})</foreach></script>")
	void insertNameTokens(@Param("caseId") String caseId, @Param("tokens") List<String> tokens,
			@Param("createdAt") Instant createdAt);

	@Insert("INSERT INTO spt_case_name_token (case_id, token, case_created_at) SELECT #{caseId}, #{token}, c.created_at"
			+ " FROM spt_case c WHERE c.id = #{caseId}")
	void insertNameToken(@Param("caseId") String caseId, @Param("token") String token);

	@Select("SELECT k.case_id FROM spt_case_contact k WHERE NOT EXISTS "
			+ "(SELECT 1 FROM spt_case_name_token t WHERE t.case_id = k.case_id) LIMIT 500")
	List<String> casesWithoutNameTokens();

	/**
	 * Where a search starts: from the cases of its most telling name word, or of the
	 * administrations that filter it ({@code d}, which carry the case's creation time, so
	 * that the newest matches are found without looking up every case), or from the cases
	 * themselves.
	 */
	String SEARCH_FROM = "<choose><when test='q.word != null'>spt_case_name_token d JOIN spt_case c ON c.id = d.case_id"
			+ "</when><when test='q.drivingAdministrations != null'>spt_case_administration d JOIN spt_case c "
			+ "ON c.id = d.case_id</when><otherwise>spt_case c</otherwise></choose>"
			+ " JOIN spt_case_contact k ON k.case_id = c.id";

	/** Whether the search starts from name words or administrations (d). */
	String DRIVEN = "q.word != null or q.drivingAdministrations != null";

	/**
	 * The case a per-case check looks at. The page refers to the joined case, so that the
	 * checks run on the sorted rows only, until the page is full; the count (no order)
	 * refers to the driving row, so that they run before the case is read at all.
	 */
	String CASE_REF = "<choose><when test='counting and (" + DRIVEN + ")'>d.case_id</when><otherwise>c.id"
			+ "</otherwise></choose>";

	/** The case's creation time, read from the driving rows when there are. */
	String CREATED_AT = "<choose><when test='" + DRIVEN + "'>d.case_created_at</when><otherwise>c.created_at"
			+ "</otherwise></choose>";

	/**
	 * The status, as a value compared row by row when a period is given: MariaDB would
	 * otherwise walk the status index over every case of that status (four in five are
	 * finished) instead of the period's range of the date index.
	 */
	String STATUS = "<choose><when test='q.from != null or q.until != null'>CONCAT(c.status, '')</when>"
			+ "<otherwise>c.status</otherwise></choose>";

	/**
	 * The filters of a search, the access rule of the user included. A case whose name
	 * has two words that start alike (or that two of the driving administrations share)
	 * is kept once: through its first such row. The other words, the administration and
	 * the access rule are counted per case ({@code 0 < (SELECT COUNT(*) ...)}) rather
	 * than written as {@code EXISTS}, which MariaDB turns into gathering every match of
	 * them first (all of INPS's cases for an INPS official) and sorting the lot.
	 */
	String SEARCH_WHERE = "<where>"
			+ "<if test='q.word != null'> AND d.token LIKE CONCAT(#{q.word}, '%') AND NOT EXISTS (SELECT 1 FROM "
			+ "spt_case_name_token d2 WHERE d2.case_id = " + CASE_REF + " AND d2.token LIKE CONCAT(#{q.word}, '%') "
			+ "AND d2.token &lt; d.token)</if>"
			+ "<if test='q.word == null and q.drivingAdministrations != null'> AND d.administration_code IN "
			+ "<foreach item='a' collection='q.drivingAdministrations' open='(' separator=',' close=')'>#{a}</foreach>"
			+ "<if test='q.drivingAdministrations.size() > 1'> AND NOT EXISTS (SELECT 1 FROM spt_case_administration d2 "
			+ "WHERE d2.case_id = " + CASE_REF + " AND d2.administration_code IN <foreach item='a' "
			+ "collection='q.drivingAdministrations' open='(' separator=',' close=')'>#{a}</foreach> "
			+ "AND d2.administration_code &lt; d.administration_code)</if></if>"
			+ "<if test='q.code != null'> AND c.tracking_code = #{q.code}</if>"
			+ "<if test='q.phone != null'> AND k.phone = #{q.phone}</if>"
			+ "<if test='q.email != null'> AND k.email = #{q.email}</if>"
			+ "<foreach item='w' collection='q.otherWords'> AND 0 &lt; (SELECT COUNT(*) FROM spt_case_name_token t "
			+ "WHERE t.case_id = " + CASE_REF + " AND t.token LIKE CONCAT(#{w}, '%'))</foreach>"
			+ "<if test='q.status != null'> AND " + STATUS + " = #{q.status}</if>"
			+ "<if test='q.statuses != null'> AND " + STATUS + " IN <foreach item='s' collection='q.statuses' open='(' "
			+ "separator=',' close=')'>#{s}</foreach></if>"
			+ "<if test='q.topic != null'> AND c.topic_code = #{q.topic}</if>"
			+ "<if test='q.administration != null'> AND 0 &lt; (SELECT COUNT(*) FROM spt_case_administration a "
			+ "WHERE a.case_id = " + CASE_REF + " AND a.administration_code = #{q.administration})</if>"
			+ "<if test='q.from != null'> AND " + CREATED_AT + " &gt;= #{q.from}</if>"
			+ "<if test='q.until != null'> AND " + CREATED_AT + " &lt; #{q.until}</if>"
			+ "<if test='q.administrations != null'> AND 0 &lt; (SELECT COUNT(*) FROM spt_case_administration a "
			+ "WHERE a.case_id = " + CASE_REF
			+ " AND a.administration_code IN <foreach item='a' collection='q.administrations' "
			+ "open='(' separator=',' close=')'>#{a}</foreach>)</if>" + "</where>";

	/** How many name-word rows start with {@code word}, counting at most {@code cap}. */
	@Select("SELECT COUNT(*) FROM (SELECT 1 AS one FROM spt_case_name_token WHERE token LIKE CONCAT(#{word}, '%') "
			+ "LIMIT #{cap}) matches")
	int wordRows(@Param("word") String word, @Param("cap") int cap);

	/**
	 * One page, newest first: the matches are sorted on the driving rows' own columns,
	 * and only the page's cases are read.
	 */
	@Select("<script><bind name='counting' value='false'/>SELECT c.id, c.tracking_code, c.status, c.topic_code, "
			+ "c.channel, k.name AS citizen_name, " + "c.created_at, c.updated_at FROM " + SEARCH_FROM + " "
			+ SEARCH_WHERE + " ORDER BY <choose><when test='" + DRIVEN
			+ "'>d.case_created_at DESC, d.case_id DESC</when>"
			+ "<otherwise>c.created_at DESC, c.id DESC</otherwise></choose> LIMIT #{limit} OFFSET #{offset}</script>")
	List<CaseSummary> search(@Param("q") SearchQuery query, @Param("offset") int offset, @Param("limit") int limit);

	/**
	 * How many match, counting at most {@code cap} (a count of everything costs seconds).
	 */
	@Select("<script><bind name='counting' value='true'/>SELECT COUNT(*) FROM (SELECT 1 AS one FROM " + SEARCH_FROM
			+ " " + SEARCH_WHERE + " LIMIT #{cap}) matches</script>")
	int countSearch(@Param("q") SearchQuery query, @Param("cap") int cap);

	/** The cases of a citizen by exact phone or email (a subject-access export). */
	@Select("SELECT case_id FROM spt_case_contact WHERE phone = #{phone} OR email = #{email} ORDER BY case_id")
	List<String> casesOfContact(@Param("phone") String phone, @Param("email") String email);

}
