package org.sportello.open311;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface ClientMapper {

	@Insert("INSERT INTO spt_open311_client (id, name, key_hash, enabled, created_at, created_by) "
			+ "VALUES (#{id}, #{name}, #{keyHash}, TRUE, #{createdAt}, #{createdBy})")
	void insert(@Param("id") String id, @Param("name") String name, @Param("keyHash") String keyHash,
			@Param("createdAt") Instant createdAt, @Param("createdBy") String createdBy);

	@Select("SELECT id, name, enabled, created_at, created_by FROM spt_open311_client ORDER BY created_at")
	List<Open311Clients.Client> all();

	@Select("SELECT id, name, enabled, created_at, created_by FROM spt_open311_client WHERE key_hash = #{keyHash}")
	Optional<Open311Clients.Client> byKeyHash(String keyHash);

	@Update("UPDATE spt_open311_client SET enabled = #{enabled} WHERE id = #{id}")
	int enable(@Param("id") String id, @Param("enabled") boolean enabled);

}
