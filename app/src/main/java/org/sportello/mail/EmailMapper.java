package org.sportello.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.sportello.mail.EmailMessage.Status;

@Mapper
interface EmailMapper {

	String COLUMNS = "id, case_id, to_address, kind, language, subject, body, pin, status, attempts, next_attempt_at, "
			+ "locked_by, locked_until, message_id, last_error, created_at, sent_at, updated_at";

	@Select("SELECT kind, language, subject, body, updated_at, updated_by, version FROM spt_email_template "
			+ "WHERE kind = #{kind} AND language = #{language}")
	Optional<EmailTemplate> template(@Param("kind") String kind, @Param("language") String language);

	@Select("SELECT kind, language, subject, body, updated_at, updated_by, version FROM spt_email_template "
			+ "ORDER BY kind, language")
	List<EmailTemplate> templates();

	@Update("UPDATE spt_email_template SET subject = #{subject}, body = #{body}, updated_at = #{updatedAt}, "
			+ "updated_by = #{updatedBy}, version = version + 1 WHERE kind = #{kind} AND language = #{language} "
			+ "AND version = #{version}")
	int updateTemplate(EmailTemplate template);

	@Insert("INSERT INTO spt_email_message (" + COLUMNS + ") VALUES (#{id}, #{caseId}, #{toAddress}, #{kind}, "
			+ "#{language}, #{subject}, #{body}, #{pin}, #{status}, 0, #{nextAttemptAt}, NULL, NULL, NULL, NULL, #{createdAt}, "
			+ "NULL, #{updatedAt})")
	void insert(EmailMessage message);

	/**
	 * A newer status for a case whose status email has not gone yet: one email with the
	 * latest news, not a burst. The acknowledgement is never replaced.
	 */
	@Update("UPDATE spt_email_message SET kind = #{kind}, subject = #{subject}, body = #{body}, updated_at = #{at} "
			+ "WHERE case_id = #{caseId} AND status = 'QUEUED' AND attempts = 0 AND kind <> 'ACKNOWLEDGEMENT'")
	int replaceQueued(@Param("caseId") String caseId, @Param("kind") String kind, @Param("subject") String subject,
			@Param("body") String body, @Param("at") Instant at);

	@Select("SELECT id FROM spt_email_message WHERE (status = 'QUEUED' AND next_attempt_at <= #{now}) "
			+ "OR (status = 'SENDING' AND locked_until < #{now}) ORDER BY next_attempt_at, created_at, id LIMIT #{limit}")
	List<String> dueIds(@Param("now") Instant now, @Param("limit") int limit);

	/** Of several racing dispatchers exactly one changes the row (answers 1). */
	@Update("UPDATE spt_email_message SET status = 'SENDING', locked_by = #{node}, locked_until = #{until} "
			+ "WHERE id = #{id} AND ((status = 'QUEUED' AND next_attempt_at <= #{now}) "
			+ "OR (status = 'SENDING' AND locked_until < #{now}))")
	int claim(@Param("id") String id, @Param("node") String node, @Param("now") Instant now,
			@Param("until") Instant until);

	@Select("SELECT " + COLUMNS + " FROM spt_email_message WHERE id = #{id}")
	Optional<EmailMessage> byId(String id);

	@Update("UPDATE spt_email_message SET status = #{status}, pin = NULL, message_id = #{messageId}, "
			+ "sent_at = #{at}, updated_at = #{at}, attempts = attempts + 1, locked_by = NULL, locked_until = NULL, "
			+ "last_error = NULL WHERE id = #{id} AND locked_by = #{node}")
	int markSent(@Param("id") String id, @Param("node") String node, @Param("status") Status status,
			@Param("messageId") String messageId, @Param("at") Instant at);

	@Update("UPDATE spt_email_message SET status = 'QUEUED', next_attempt_at = #{next}, attempts = attempts + 1, "
			+ "last_error = #{error}, locked_by = NULL, locked_until = NULL, updated_at = #{at} "
			+ "WHERE id = #{id} AND locked_by = #{node}")
	int requeue(@Param("id") String id, @Param("node") String node, @Param("next") Instant next,
			@Param("error") String error, @Param("at") Instant at);

	@Update("UPDATE spt_email_message SET status = #{status}, pin = NULL, attempts = attempts + 1, "
			+ "last_error = #{error}, locked_by = NULL, locked_until = NULL, updated_at = #{at} "
			+ "WHERE id = #{id} AND locked_by = #{node}")
	int markFailed(@Param("id") String id, @Param("node") String node, @Param("status") Status status,
			@Param("error") String error, @Param("at") Instant at);

	@Select("SELECT " + COLUMNS + " FROM spt_email_message WHERE case_id = #{caseId} ORDER BY created_at, id")
	List<EmailMessage> ofCase(String caseId);

	@Select("SELECT " + COLUMNS + " FROM spt_email_message ORDER BY created_at DESC, id LIMIT #{limit}")
	List<EmailMessage> latest(int limit);

	@Select("SELECT COUNT(*) FROM spt_email_opt_out WHERE address = #{address}")
	int optedOut(String address);

	@Insert("INSERT INTO spt_email_opt_out (address, opted_out_at) SELECT #{address}, #{at} FROM (SELECT 1 AS x) one "
			+ "WHERE NOT EXISTS (SELECT 1 FROM spt_email_opt_out WHERE address = #{address})")
	void optOut(@Param("address") String address, @Param("at") Instant at);

	/** Retention: the addresses and texts of the case's emails (the rows stay). */
	@Update("UPDATE spt_email_message SET to_address = '', subject = '', body = '', pin = NULL WHERE case_id = #{caseId}")
	void blankCase(String caseId);

	@Insert("INSERT INTO spt_mail_inbound (message_key, mailbox, received_at, outcome, case_id, detail) "
			+ "VALUES (#{key}, #{mailbox}, #{at}, #{outcome}, #{caseId}, #{detail})")
	void insertInbound(@Param("key") String key, @Param("mailbox") String mailbox, @Param("at") Instant at,
			@Param("outcome") String outcome, @Param("caseId") String caseId, @Param("detail") String detail);

	@Update("UPDATE spt_mail_inbound SET case_id = #{caseId} WHERE message_key = #{key}")
	void inboundCase(@Param("key") String key, @Param("caseId") String caseId);

	@Select("SELECT COUNT(*) FROM spt_mail_inbound WHERE message_key = #{key}")
	int seen(String key);

	@Select("SELECT message_key, mailbox, received_at, outcome, case_id, detail FROM spt_mail_inbound "
			+ "ORDER BY received_at DESC, message_key LIMIT #{limit}")
	List<InboundRecord> latestInbound(int limit);

}
