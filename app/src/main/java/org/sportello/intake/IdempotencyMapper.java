package org.sportello.intake;

import java.time.Instant;
import java.util.Optional;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface IdempotencyMapper {

	record Entry(String userId, String idemKey, String requestHash, String caseId, String trackingCode,
			String sealedPin, Instant createdAt) {
	}

	@Select("SELECT user_id, idem_key, request_hash, case_id, tracking_code, sealed_pin, created_at "
			+ "FROM spt_idempotency_key WHERE user_id = #{user} AND idem_key = #{key} AND created_at > #{since}")
	Optional<Entry> find(@Param("user") String user, @Param("key") String key, @Param("since") Instant since);

	@Insert("INSERT INTO spt_idempotency_key (user_id, idem_key, request_hash, case_id, tracking_code, sealed_pin, "
			+ "created_at) VALUES (#{userId}, #{idemKey}, #{requestHash}, #{caseId}, #{trackingCode}, #{sealedPin}, "
			+ "#{createdAt})")
	void insert(Entry entry);

	@Delete("DELETE FROM spt_idempotency_key WHERE created_at <= #{since}")
	int forgetBefore(@Param("since") Instant since);

}
