package org.sportello.intake;

import java.time.Instant;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface SelfIntakeMapper {

	@Select("SELECT COUNT(*) FROM spt_self_intake WHERE source_key = #{key} AND opened_at > #{since}")
	int since(@Param("key") String key, @Param("since") Instant since);

	@Insert("INSERT INTO spt_self_intake (source_key, opened_at, channel) VALUES (#{key}, #{at}, #{channel})")
	void insert(@Param("key") String key, @Param("at") Instant at, @Param("channel") String channel);

	@Delete("DELETE FROM spt_self_intake WHERE opened_at < #{before}")
	int purge(Instant before);

}
