package org.sportello.portal;

import java.time.Instant;
import java.util.Optional;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface AttemptMapper {

	record Window(Instant windowStart, int failures) {
	}

	@Select("SELECT window_start, failures FROM spt_attempt_failure WHERE scope = #{scope} AND attempt_key = #{key}")
	Optional<Window> window(@Param("scope") String scope, @Param("key") String key);

	/** One more failure in a window still open. */
	@Update("UPDATE spt_attempt_failure SET failures = failures + 1 "
			+ "WHERE scope = #{scope} AND attempt_key = #{key} AND window_start > #{openSince}")
	int count(@Param("scope") String scope, @Param("key") String key, @Param("openSince") Instant openSince);

	/** A first failure after the window closed: a new window. */
	@Update("UPDATE spt_attempt_failure SET failures = 1, window_start = #{now} "
			+ "WHERE scope = #{scope} AND attempt_key = #{key} AND window_start <= #{openSince}")
	int restart(@Param("scope") String scope, @Param("key") String key, @Param("openSince") Instant openSince,
			@Param("now") Instant now);

	@Insert("INSERT INTO spt_attempt_failure (scope, attempt_key, window_start, failures) "
			+ "VALUES (#{scope}, #{key}, #{now}, 1)")
	void insert(@Param("scope") String scope, @Param("key") String key, @Param("now") Instant now);

	@Delete("DELETE FROM spt_attempt_failure WHERE window_start <= #{openSince}")
	int forgetBefore(@Param("openSince") Instant openSince);

	@Delete("DELETE FROM spt_attempt_failure")
	void forgetAll();

}
