package org.sportello.security;

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
interface LoginFailureMapper {

	@Select("SELECT user_id, client_address, failures, last_failure_at, blocked_until FROM spt_login_failure "
			+ "WHERE user_id = #{user} AND client_address = #{address}")
	Optional<LoginFailure> one(@Param("user") String user, @Param("address") String address);

	@Update("UPDATE spt_login_failure SET failures = failures + 1, last_failure_at = #{now} "
			+ "WHERE user_id = #{user} AND client_address = #{address} AND last_failure_at > #{since}")
	int count(@Param("user") String user, @Param("address") String address, @Param("now") Instant now,
			@Param("since") Instant since);

	@Update("UPDATE spt_login_failure SET failures = 1, last_failure_at = #{now}, blocked_until = #{now} "
			+ "WHERE user_id = #{user} AND client_address = #{address} AND last_failure_at <= #{since}")
	int restart(@Param("user") String user, @Param("address") String address, @Param("now") Instant now,
			@Param("since") Instant since);

	@Insert("INSERT INTO spt_login_failure (user_id, client_address, failures, last_failure_at, blocked_until) "
			+ "VALUES (#{user}, #{address}, 1, #{now}, #{now})")
	void insert(@Param("user") String user, @Param("address") String address, @Param("now") Instant now);

	@Update("UPDATE spt_login_failure SET blocked_until = #{until} WHERE user_id = #{user} AND client_address = #{address}")
	void block(@Param("user") String user, @Param("address") String address, @Param("until") Instant until);

	@Delete("DELETE FROM spt_login_failure WHERE user_id = #{user} AND client_address = #{address}")
	int forget(@Param("user") String user, @Param("address") String address);

	@Delete("DELETE FROM spt_login_failure WHERE user_id = #{user}")
	int forgetUser(@Param("user") String user);

	@Delete("DELETE FROM spt_login_failure WHERE last_failure_at <= #{since}")
	int forgetBefore(@Param("since") Instant since);

	@Select("SELECT user_id, client_address, failures, last_failure_at, blocked_until FROM spt_login_failure "
			+ "WHERE last_failure_at > #{since} ORDER BY blocked_until DESC, last_failure_at DESC")
	List<LoginFailure> recent(@Param("since") Instant since);

}
