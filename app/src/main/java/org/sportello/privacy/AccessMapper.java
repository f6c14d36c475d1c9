package org.sportello.privacy;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface AccessMapper {

	@Insert("INSERT INTO spt_case_access (id, case_id, user_id, via, accessed_at)"
			+ " VALUES (#{id}, #{caseId}, #{userId}, #{via}, #{at})")
	void insert(@Param("id") String id, @Param("caseId") String caseId, @Param("userId") String userId,
			@Param("via") CaseAccess.Via via, @Param("at") Instant at);

	@Select("SELECT user_id, via, accessed_at FROM spt_case_access WHERE case_id = #{caseId}"
			+ " ORDER BY accessed_at DESC, id LIMIT #{limit}")
	List<CaseAccess> ofCase(@Param("caseId") String caseId, @Param("limit") int limit);

	@Select("SELECT COUNT(*) FROM spt_case_access WHERE case_id = #{caseId}")
	int countOfCase(String caseId);

}
