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
interface PeerMapper {

	/** A peer's row, its administrations read apart. */
	record PeerRow(String id, String name, String baseUrl, String keyId, String publicKey, String nextKeyId,
			String nextPublicKey, boolean enabled, Instant updatedAt, String updatedBy) {
	}

	String COLUMNS = "id, name, base_url, key_id, public_key, next_key_id, next_public_key, enabled, updated_at, "
			+ "updated_by";

	@Select("SELECT " + COLUMNS + " FROM spt_exchange_peer ORDER BY name, id")
	List<PeerRow> all();

	@Select("SELECT " + COLUMNS + " FROM spt_exchange_peer WHERE id = #{id}")
	Optional<PeerRow> byId(String id);

	@Select("SELECT " + COLUMNS + " FROM spt_exchange_peer WHERE key_id = #{keyId} OR next_key_id = #{keyId}")
	List<PeerRow> byKeyId(String keyId);

	@Select("SELECT administration_code FROM spt_exchange_peer_admin WHERE peer_id = #{peerId} "
			+ "ORDER BY administration_code")
	List<String> administrations(String peerId);

	@Select("SELECT p.id FROM spt_exchange_peer p JOIN spt_exchange_peer_admin a ON a.peer_id = p.id "
			+ "WHERE a.administration_code = #{administration} AND p.enabled = TRUE")
	Optional<String> servingPeer(String administration);

	@Insert("INSERT INTO spt_exchange_peer (" + COLUMNS + ") VALUES (#{id}, #{name}, #{baseUrl}, #{keyId}, "
			+ "#{publicKey}, #{nextKeyId}, #{nextPublicKey}, #{enabled}, #{updatedAt}, #{updatedBy})")
	void insert(PeerRow row);

	@Update("UPDATE spt_exchange_peer SET name = #{name}, base_url = #{baseUrl}, key_id = #{keyId}, "
			+ "public_key = #{publicKey}, next_key_id = #{nextKeyId}, next_public_key = #{nextPublicKey}, "
			+ "enabled = #{enabled}, updated_at = #{updatedAt}, updated_by = #{updatedBy} WHERE id = #{id}")
	int update(PeerRow row);

	@Delete("DELETE FROM spt_exchange_peer_admin WHERE peer_id = #{peerId}")
	void clearAdministrations(String peerId);

	@Delete("DELETE FROM spt_exchange_peer_admin WHERE administration_code = #{administration}")
	void releaseAdministration(String administration);

	@Insert("INSERT INTO spt_exchange_peer_admin (administration_code, peer_id) VALUES (#{administration}, #{peerId})")
	void serve(@Param("peerId") String peerId, @Param("administration") String administration);

}
