package org.sportello.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface ExchangeMapper {

	String LEG = "peer_id, exchange_id, direction, case_id, office_group, remote_code, remote_status, state, "
			+ "next_seq, created_at, updated_at";

	String OUTBOX = "id, peer_id, exchange_id, seq, kind, body, status, attempts, next_attempt_at, locked_by, "
			+ "locked_until, last_error, created_at, sent_at";

	@Insert("INSERT INTO spt_exchange_leg (" + LEG + ") VALUES (#{peerId}, #{exchangeId}, #{direction}, #{caseId}, "
			+ "#{officeGroup}, #{remoteCode}, #{remoteStatus}, #{state}, 1, #{createdAt}, #{updatedAt})")
	void insertLeg(ExchangeLeg leg);

	@Select("SELECT " + LEG + " FROM spt_exchange_leg WHERE peer_id = #{peerId} AND exchange_id = #{exchangeId}")
	Optional<ExchangeLeg> leg(@Param("peerId") String peerId, @Param("exchangeId") String exchangeId);

	@Select("SELECT " + LEG + " FROM spt_exchange_leg WHERE case_id = #{caseId} ORDER BY created_at")
	List<ExchangeLeg> legsOf(String caseId);

	@Select("SELECT " + LEG + " FROM spt_exchange_leg WHERE case_id = #{caseId} AND direction = #{direction} "
			+ "AND office_group = #{officeGroup} AND state = 'OPEN'")
	Optional<ExchangeLeg> openLeg(@Param("caseId") String caseId, @Param("direction") String direction,
			@Param("officeGroup") String officeGroup);

	@Select("SELECT " + LEG + " FROM spt_exchange_leg WHERE case_id = #{caseId} AND direction = 'IN' "
			+ "AND state = 'OPEN'")
	Optional<ExchangeLeg> openInboundLeg(String caseId);

	/**
	 * Takes the exchange's next sequence number; the row stays locked until commit, so
	 * messages of one exchange are numbered in the order their transactions commit.
	 */
	@Update("UPDATE spt_exchange_leg SET next_seq = next_seq + 1, updated_at = #{at} "
			+ "WHERE peer_id = #{peerId} AND exchange_id = #{exchangeId}")
	int takeSeq(@Param("peerId") String peerId, @Param("exchangeId") String exchangeId, @Param("at") Instant at);

	@Select("SELECT next_seq - 1 FROM spt_exchange_leg WHERE peer_id = #{peerId} AND exchange_id = #{exchangeId}")
	int takenSeq(@Param("peerId") String peerId, @Param("exchangeId") String exchangeId);

	@Update("UPDATE spt_exchange_leg SET remote_code = COALESCE(#{remoteCode}, remote_code), "
			+ "remote_status = COALESCE(#{remoteStatus}, remote_status), state = #{state}, updated_at = #{at} "
			+ "WHERE peer_id = #{peerId} AND exchange_id = #{exchangeId}")
	int updateLeg(@Param("peerId") String peerId, @Param("exchangeId") String exchangeId,
			@Param("remoteCode") String remoteCode, @Param("remoteStatus") String remoteStatus,
			@Param("state") String state, @Param("at") Instant at);

	@Insert("INSERT INTO spt_exchange_outbox (" + OUTBOX + ") VALUES (#{id}, #{peerId}, #{exchangeId}, #{seq}, "
			+ "#{kind}, #{body}, 'QUEUED', 0, #{nextAttemptAt}, NULL, NULL, NULL, #{createdAt}, NULL)")
	void insertMessage(OutboxMessage message);

	/**
	 * Due messages that are the first unsent of their exchange: a later message never
	 * overtakes an earlier one of the same case.
	 */
	@Select("SELECT o.id FROM spt_exchange_outbox o WHERE ((o.status = 'QUEUED' AND o.next_attempt_at <= #{now}) "
			+ "OR (o.status = 'SENDING' AND o.locked_until < #{now})) AND NOT EXISTS (SELECT 1 FROM spt_exchange_outbox e "
			+ "WHERE e.peer_id = o.peer_id AND e.exchange_id = o.exchange_id AND e.seq < o.seq AND e.status <> 'SENT') "
			+ "ORDER BY o.created_at, o.seq LIMIT #{limit}")
	List<String> dueIds(@Param("now") Instant now, @Param("limit") int limit);

	/** Of several racing dispatchers exactly one changes the row (answers 1). */
	@Update("UPDATE spt_exchange_outbox SET status = 'SENDING', locked_by = #{node}, locked_until = #{until} "
			+ "WHERE id = #{id} AND ((status = 'QUEUED' AND next_attempt_at <= #{now}) "
			+ "OR (status = 'SENDING' AND locked_until < #{now}))")
	int claim(@Param("id") String id, @Param("node") String node, @Param("now") Instant now,
			@Param("until") Instant until);

	@Select("SELECT " + OUTBOX + " FROM spt_exchange_outbox WHERE id = #{id}")
	Optional<OutboxMessage> message(String id);

	@Update("UPDATE spt_exchange_outbox SET status = 'SENT', sent_at = #{at}, attempts = attempts + 1, "
			+ "locked_by = NULL, locked_until = NULL, last_error = NULL WHERE id = #{id} AND locked_by = #{node}")
	int markSent(@Param("id") String id, @Param("node") String node, @Param("at") Instant at);

	@Update("UPDATE spt_exchange_outbox SET status = 'QUEUED', next_attempt_at = #{next}, attempts = attempts + 1, "
			+ "last_error = #{error}, locked_by = NULL, locked_until = NULL WHERE id = #{id} AND locked_by = #{node}")
	int requeue(@Param("id") String id, @Param("node") String node, @Param("next") Instant next,
			@Param("error") String error);

	@Update("UPDATE spt_exchange_outbox SET status = 'FAILED', attempts = attempts + 1, last_error = #{error}, "
			+ "locked_by = NULL, locked_until = NULL WHERE id = #{id} AND locked_by = #{node}")
	int markFailed(@Param("id") String id, @Param("node") String node, @Param("error") String error);

	/** An administrator sends a refused message again (after fixing keys or address). */
	@Update("UPDATE spt_exchange_outbox SET status = 'QUEUED', next_attempt_at = #{now} WHERE id = #{id} "
			+ "AND status = 'FAILED'")
	int retry(@Param("id") String id, @Param("now") Instant now);

	@Select("SELECT " + OUTBOX + " FROM spt_exchange_outbox ORDER BY CASE WHEN status = 'SENT' THEN 1 ELSE 0 END, "
			+ "created_at DESC LIMIT #{limit}")
	List<OutboxMessage> recent(int limit);

	@Select("SELECT COUNT(*) FROM spt_exchange_outbox WHERE status <> 'SENT'")
	int unsent();

	/** Answers 1 the first time the message id comes from the peer, else 0. */
	@Insert("INSERT INTO spt_exchange_inbound (peer_id, message_id, received_at) SELECT #{peerId}, #{messageId}, #{at} "
			+ "FROM spt_exchange_peer WHERE id = #{peerId} AND NOT EXISTS (SELECT 1 FROM spt_exchange_inbound "
			+ "WHERE peer_id = #{peerId} AND message_id = #{messageId})")
	int firstReceipt(@Param("peerId") String peerId, @Param("messageId") String messageId, @Param("at") Instant at);

	@Insert("INSERT INTO spt_exchange_nonce (peer_id, nonce, seen_at) SELECT #{peerId}, #{nonce}, #{at} "
			+ "FROM spt_exchange_peer WHERE id = #{peerId} AND NOT EXISTS (SELECT 1 FROM spt_exchange_nonce "
			+ "WHERE peer_id = #{peerId} AND nonce = #{nonce})")
	int firstNonce(@Param("peerId") String peerId, @Param("nonce") String nonce, @Param("at") Instant at);

	@Delete("DELETE FROM spt_exchange_nonce WHERE seen_at < #{before}")
	int purgeNonces(Instant before);

}
