package org.sportello.cases;

import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface ClassificationMapper {

	@Select("SELECT code, label_it, label_en, position, active FROM spt_outcome_class ORDER BY position, code")
	List<ClassLabel> outcomeClasses();

	@Select("SELECT code, label_it, label_en, position, TRUE AS active FROM spt_topic_class ORDER BY position, code")
	List<ClassLabel> topicClasses();

	@Update("UPDATE spt_case SET outcome_class = #{code} WHERE id = #{caseId}")
	void recordOutcome(@Param("caseId") String caseId, @Param("code") String code);

	@Update("UPDATE spt_outcome_class SET label_it = #{labelIt}, label_en = #{labelEn}, active = #{active}"
			+ " WHERE code = #{code}")
	int updateOutcomeClass(ClassLabel entry);

	@Insert("INSERT INTO spt_outcome_class (code, label_it, label_en, position, active)"
			+ " VALUES (#{code}, #{labelIt}, #{labelEn}, #{position}, #{active})")
	void insertOutcomeClass(ClassLabel entry);

}
