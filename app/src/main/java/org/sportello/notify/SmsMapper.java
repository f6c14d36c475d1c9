package org.sportello.notify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.sportello.cases.CaseStatus;
import org.sportello.notify.SmsMessage.Status;

@Mapper
interface SmsMapper {

	String COLUMNS = "id, case_id, to_number, body, case_status, status, attempts, next_attempt_at, locked_by, "
			+ "locked_until, provider_sid, last_error, created_at, sent_at, updated_at, version";

	@Select("SELECT status, language, body, updated_at, updated_by, version FROM spt_sms_template "
			+ "WHERE status = #{status} AND language = #{language}")
	Optional<SmsTemplate> template(@Param("status") CaseStatus status, @Param("language") String language);

	@Select("SELECT status, language, body, updated_at, updated_by, version FROM spt_sms_template "
			+ "ORDER BY status, language")
	List<SmsTemplate> templates();

	@Update("UPDATE spt_sms_template SET body = #{body}, updated_at = #{updatedAt}, updated_by = #{updatedBy}, "
			+ "version = version + 1 WHERE status = #{status} AND language = #{language} AND version = #{version}")
	int updateTemplate(SmsTemplate template);

	@Insert("INSERT INTO spt_sms_message (" + COLUMNS + ") VALUES (#{id}, #{caseId}, #{toNumber}, #{body}, "
			+ "#{caseStatus}, #{status}, 0, #{nextAttemptAt}, NULL, NULL, NULL, NULL, #{createdAt}, #{sentAt}, "
			+ "#{updatedAt}, 0)")
	void insert(SmsMessage message);

	/** A newer status for a case whose status SMS has not gone yet. */
	@Update("UPDATE spt_sms_message SET body = #{body}, case_status = #{status}, updated_at = #{at}, "
			+ "version = version + 1 WHERE case_id = #{caseId} AND status = 'QUEUED' AND attempts = 0 "
			+ "AND case_status IS NOT NULL")
	int replaceQueued(@Param("caseId") String caseId, @Param("body") String body, @Param("status") CaseStatus status,
			@Param("at") Instant at);

	/**
	 * Claims a batch of due messages at once for a dispatcher: of several racing
	 * dispatchers each row goes to one ({@link #claimed} reads back which).
	 */
	@Update("<script>UPDATE spt_sms_message SET status = 'SENDING', locked_by = #{node}, locked_until = #{until}, "
			+ "version = version + 1 WHERE id IN <foreach item='id' collection='ids' open='(' separator=',' close=')'>"
			+ "#{id}</foreach> AND ((status = 'QUEUED' AND next_attempt_at &lt;= #{now}) "
			+ "OR (status = 'SENDING' AND locked_until &lt; #{now}))</script>")
	int claimAll(@Param("ids") List<String> ids, @Param("node") String node, @Param("now") Instant now,
			@Param("until") Instant until);

	/** The messages this dispatcher claimed with this lease, as they are now. */
	@Select("SELECT " + COLUMNS + " FROM spt_sms_message WHERE locked_by = #{node} AND locked_until = #{until} "
			+ "AND status = 'SENDING'")
	List<SmsMessage> claimed(@Param("node") String node, @Param("until") Instant until);

	/**
	 * A message due to be sent; {@code expiredLease} is set when another dispatcher had
	 * claimed it and stopped (a node killed mid-send): it may have reached Twilio
	 * already.
	 */
	record Due(String id, Instant expiredLease) {
	}

	@Select("SELECT id, CASE WHEN status = 'SENDING' THEN locked_until END AS expired_lease FROM spt_sms_message "
			+ "WHERE (status = 'QUEUED' AND next_attempt_at <= #{now}) OR (status = 'SENDING' AND locked_until < #{now}) "
			+ "ORDER BY next_attempt_at, id LIMIT #{limit}")
	List<Due> due(@Param("now") Instant now, @Param("limit") int limit);

	/** Whether the number opted out, and how many SMS it got since: one query. */
	record Limits(int optedOut, int sent) {
	}

	@Select("SELECT (SELECT COUNT(*) FROM spt_sms_opt_out WHERE phone = #{number}) AS opted_out, "
			+ "(SELECT COUNT(*) FROM spt_sms_message WHERE to_number = #{number} AND sent_at > #{since} "
			+ "AND status NOT IN ('QUEUED', 'SENDING', 'LOCAL', 'REJECTED')) AS sent")
	Limits limits(@Param("number") String number, @Param("since") Instant since);

	@Select("SELECT " + COLUMNS + " FROM spt_sms_message WHERE id = #{id}")
	Optional<SmsMessage> byId(String id);

	@Select("SELECT " + COLUMNS + " FROM spt_sms_message WHERE provider_sid = #{sid}")
	Optional<SmsMessage> byProviderSid(String sid);

	@Update("UPDATE spt_sms_message SET status = #{status}, body = #{body}, provider_sid = #{sid}, sent_at = #{at}, "
			+ "updated_at = #{at}, attempts = attempts + 1, locked_by = NULL, locked_until = NULL, last_error = NULL, "
			+ "version = version + 1 WHERE id = #{id} AND locked_by = #{node}")
	int markSent(@Param("id") String id, @Param("node") String node, @Param("status") Status status,
			@Param("body") String body, @Param("sid") String sid, @Param("at") Instant at);

	/** Back to the queue for later (transient error, rate limit, quiet hours). */
	@Update("UPDATE spt_sms_message SET status = 'QUEUED', next_attempt_at = #{next}, attempts = attempts + #{tried}, "
			+ "last_error = #{error}, locked_by = NULL, locked_until = NULL, updated_at = #{at}, version = version + 1 "
			+ "WHERE id = #{id} AND locked_by = #{node}")
	int requeue(@Param("id") String id, @Param("node") String node, @Param("next") Instant next,
			@Param("tried") int tried, @Param("error") String error, @Param("at") Instant at);

	@Update("UPDATE spt_sms_message SET status = #{status}, attempts = attempts + 1, last_error = #{error}, "
			+ "locked_by = NULL, locked_until = NULL, updated_at = #{at}, version = version + 1 "
			+ "WHERE id = #{id} AND locked_by = #{node}")
	int markFailed(@Param("id") String id, @Param("node") String node, @Param("status") Status status,
			@Param("error") String error, @Param("at") Instant at);

	/**
	 * A delivery receipt; receipts never move a message back (delivered stays delivered).
	 */
	@Update("UPDATE spt_sms_message SET status = #{status}, last_error = COALESCE(#{error}, last_error), "
			+ "updated_at = #{at}, version = version + 1 WHERE provider_sid = #{sid} "
			+ "AND status NOT IN ('DELIVERED', 'UNDELIVERED', 'FAILED')")
	int receipt(@Param("sid") String sid, @Param("status") Status status, @Param("error") String error,
			@Param("at") Instant at);

	@Select("SELECT " + COLUMNS + " FROM spt_sms_message WHERE case_id = #{caseId} ORDER BY created_at, id")
	List<SmsMessage> ofCase(String caseId);

	@Select("SELECT " + COLUMNS + " FROM spt_sms_message ORDER BY created_at DESC, id LIMIT #{limit}")
	List<SmsMessage> latest(int limit);

	@Select("SELECT COUNT(*) FROM spt_sms_opt_out WHERE phone = #{phone}")
	int optedOut(String phone);

	@Insert("INSERT INTO spt_sms_opt_out (phone, opted_out_at) SELECT #{phone}, #{at} FROM (SELECT 1 AS x) one "
			+ "WHERE NOT EXISTS (SELECT 1 FROM spt_sms_opt_out WHERE phone = #{phone})")
	void optOut(@Param("phone") String phone, @Param("at") Instant at);

	@Delete("DELETE FROM spt_sms_opt_out WHERE phone = #{phone}")
	void optIn(String phone);

	@Select("SELECT reply FROM spt_sms_inbound WHERE message_sid = #{sid}")
	Optional<String> inboundReply(String sid);

	@Insert("INSERT INTO spt_sms_inbound (message_sid, received_at, reply) VALUES (#{sid}, #{at}, #{reply})")
	void insertInbound(@Param("sid") String sid, @Param("at") Instant at, @Param("reply") String reply);

	@Update("UPDATE spt_sms_inbound SET reply = #{reply} WHERE message_sid = #{sid}")
	void saveInboundReply(@Param("sid") String sid, @Param("reply") String reply);

	/**
	 * Retention: the numbers and texts of the case's SMS (the rows stay, for the counts).
	 */
	@Update("UPDATE spt_sms_message SET to_number = '', body = '' WHERE case_id = #{caseId}")
	void blankCase(String caseId);

}
