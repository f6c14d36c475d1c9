package org.sportello.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Retention: what of a finished case is personal (contact, the citizen's and officials'
 * free texts) is blanked; the case keeps status, topic, municipality, dates and timeline.
 */
@Mapper
interface ErasureMapper {

	@Select("SELECT id FROM spt_case WHERE status IN ('RISOLTA', 'CHIUSA', 'NON_DI_COMPETENZA')"
			+ " AND erased_at IS NULL AND updated_at < #{before} ORDER BY updated_at, id LIMIT #{limit}")
	List<String> finishedBefore(@Param("before") Instant before, @Param("limit") int limit);

	/**
	 * The claim: one transaction, on one node, blanks the case; any other finds it
	 * claimed (0 rows) and leaves it.
	 */
	@Update("UPDATE spt_case SET erased_at = #{at}, description = '', version = version + 1"
			+ " WHERE id = #{caseId} AND erased_at IS NULL")
	int claim(@Param("caseId") String caseId, @Param("at") Instant at);

	@Select("SELECT erased_at FROM spt_case WHERE id = #{caseId}")
	Optional<Instant> erasedAt(String caseId);

	@Update("UPDATE spt_case_contact SET name = '', phone = NULL, email = NULL, sms_consent = FALSE"
			+ " WHERE case_id = #{caseId}")
	void blankContact(String caseId);

	@Delete("DELETE FROM spt_case_need WHERE case_id = #{caseId}")
	void deleteNeeds(String caseId);

	@Delete("DELETE FROM spt_case_name_token WHERE case_id = #{caseId}")
	void deleteNameTokens(String caseId);

	@Update("UPDATE spt_case_event SET detail = NULL WHERE case_id = #{caseId}")
	void blankEventDetails(String caseId);

	@Update("UPDATE spt_case_answer SET body = '' WHERE case_id = #{caseId}")
	void blankAnswers(String caseId);

	@Update("UPDATE spt_rating SET comment = NULL WHERE case_id = #{caseId}")
	void blankRatingComment(String caseId);

}
