package org.sportello.notify;

import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Update;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface InAppNotificationMapper {

	@Insert("INSERT INTO spt_notification (id, recipient_user, recipient_group, case_id, kind, detail, created_at) "
			+ "VALUES (#{id}, #{recipientUser}, #{recipientGroup}, #{caseId}, #{kind}, #{detail}, #{createdAt})")
	void insert(InAppNotification notification);

	@Select({ "<script>", "SELECT n.id, n.recipient_user, n.recipient_group, n.case_id, c.tracking_code, n.kind, ",
			"n.detail, n.created_at FROM spt_notification n JOIN spt_case c ON c.id = n.case_id ",
			"WHERE n.recipient_user = #{user}",
			"<if test='groups != null and !groups.isEmpty()'> OR n.recipient_group IN ",
			"<foreach item='group' collection='groups' open='(' separator=',' close=')'>#{group}</foreach></if>",
			" ORDER BY n.created_at DESC, n.id LIMIT #{limit}", "</script>" })
	List<InAppNotification> recentFor(@Param("user") String user, @Param("groups") List<String> groups,
			@Param("limit") int limit);

	@Select("SELECT COUNT(*) FROM spt_notification WHERE case_id = #{caseId} AND kind = #{kind}")
	long countFor(@Param("caseId") String caseId, @Param("kind") InAppNotification.Kind kind);

	@Update("UPDATE spt_notification SET detail = NULL WHERE case_id = #{caseId}")
	void blankCase(String caseId);

}
