package org.sportello.open311;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * The requests filed through Open311, read with what the public may know of their case
 * (code, topic, status, dates): never the citizen's words or contact.
 */
@Mapper
interface Open311Mapper {

	/** A request as Open311 shows it. */
	record RequestRow(String caseId, String trackingCode, String topicCode, String status, Instant createdAt,
			Instant updatedAt, String token) {
	}

	/** A status the case reached, its opening first (mySociety's request updates). */
	record UpdateRow(String id, String trackingCode, String status, Instant occurredAt) {
	}

	String REQUEST = "SELECT c.id AS case_id, c.tracking_code, c.topic_code, c.status, c.created_at, c.updated_at, "
			+ "r.token FROM spt_open311_request r JOIN spt_case c ON c.id = r.case_id ";

	@Insert("INSERT INTO spt_open311_request (case_id, token, client_id, created_at) VALUES (#{caseId}, #{token}, "
			+ "#{clientId}, #{at})")
	void insert(@Param("caseId") String caseId, @Param("token") String token, @Param("clientId") String clientId,
			@Param("at") Instant at);

	@Select(REQUEST + "WHERE r.created_at >= #{from} AND r.created_at < #{until} ORDER BY r.created_at DESC "
			+ "LIMIT #{limit}")
	List<RequestRow> between(@Param("from") Instant from, @Param("until") Instant until, @Param("limit") int limit);

	@Select(REQUEST + "WHERE c.tracking_code = #{code}")
	Optional<RequestRow> byCode(String code);

	@Select(REQUEST + "WHERE r.token = #{token}")
	Optional<RequestRow> byToken(String token);

	@Select("SELECT e.id, c.tracking_code, e.status, e.occurred_at FROM spt_case_event e "
			+ "JOIN spt_open311_request r ON r.case_id = e.case_id JOIN spt_case c ON c.id = e.case_id "
			+ "WHERE e.event_type IN ('OPENED', 'STATUS_CHANGED') AND e.occurred_at >= #{from} AND e.occurred_at < #{until} "
			+ "ORDER BY e.occurred_at LIMIT #{limit}")
	List<UpdateRow> updates(@Param("from") Instant from, @Param("until") Instant until, @Param("limit") int limit);

}
