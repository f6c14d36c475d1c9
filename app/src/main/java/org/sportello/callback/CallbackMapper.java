package org.sportello.callback;

import java.time.Instant;
import java.util.Optional;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface CallbackMapper {

	@Insert("INSERT INTO spt_callback (id, phone, slot, language, channel, status, attempts, note, created_at, "
			+ "updated_at) VALUES (#{id}, #{phone}, #{slot}, #{language}, #{channel}, #{status}, 0, NULL, #{createdAt}, "
			+ "#{updatedAt})")
	void insert(Callback callback);

	@Select("SELECT id, phone, slot, language, channel, status, attempts, note, created_at, updated_at "
			+ "FROM spt_callback WHERE id = #{id}")
	Optional<Callback> byId(String id);

	@Update("UPDATE spt_callback SET attempts = attempts + 1, note = #{note}, updated_at = #{at} WHERE id = #{id}")
	void failedAttempt(@Param("id") String id, @Param("note") String note, @Param("at") Instant at);

	@Update("UPDATE spt_callback SET status = #{status}, note = COALESCE(#{note}, note), updated_at = #{at} "
			+ "WHERE id = #{id}")
	void finish(@Param("id") String id, @Param("status") Callback.Status status, @Param("note") String note,
			@Param("at") Instant at);

	/** Retention: the number of requests finished before the cut-off. */
	@Update("UPDATE spt_callback SET phone = '', note = NULL WHERE status <> 'WAITING' AND updated_at < #{before} "
			+ "AND phone <> ''")
	int blankFinishedBefore(Instant before);

}
