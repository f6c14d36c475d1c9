package org.sportello.directory;

import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
interface DirectoryMapper {

	@Select("SELECT code, name, kind, version FROM spt_administration ORDER BY name")
	List<Administration> administrations();

	@Select("SELECT code, name, kind, version FROM spt_administration WHERE code = #{code}")
	Optional<Administration> administration(String code);

	@Insert("INSERT INTO spt_administration (code, name, kind, version) VALUES (#{code}, #{name}, #{kind}, 0)")
	void insertAdministration(Administration administration);

	@Select("SELECT group_id, administration_code, name, kind, transfer_desk, supervisor_group, version FROM spt_office ORDER BY administration_code, name")
	List<Office> offices();

	@Select("SELECT group_id, administration_code, name, kind, transfer_desk, supervisor_group, version FROM spt_office WHERE group_id = #{groupId}")
	Optional<Office> office(String groupId);

	@Insert("INSERT INTO spt_office (group_id, administration_code, name, kind, transfer_desk, supervisor_group, version) "
			+ "VALUES (#{groupId}, #{administrationCode}, #{name}, #{kind}, #{transferDesk}, #{supervisorGroup}, 0)")
	void insertOffice(Office office);

}
