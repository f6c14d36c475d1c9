package org.sportello.cases;

import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface AttachmentMapper {

	@Insert("INSERT INTO spt_attachment (id, case_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at)"
			+ " VALUES (#{id}, #{caseId}, #{fileName}, #{contentType}, #{sizeBytes}, #{sha256}, #{uploadedBy}, #{uploadedAt})")
	void insert(Attachment attachment);

	@Select("SELECT id, case_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at"
			+ " FROM spt_attachment WHERE case_id = #{caseId} ORDER BY uploaded_at, id")
	List<Attachment> ofCase(String caseId);

	@Select("SELECT id, case_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at"
			+ " FROM spt_attachment WHERE case_id = #{caseId} AND id = #{id}")
	Optional<Attachment> one(@Param("caseId") String caseId, @Param("id") String id);

	@Delete("DELETE FROM spt_attachment WHERE case_id = #{caseId}")
	int deleteOfCase(String caseId);

}
