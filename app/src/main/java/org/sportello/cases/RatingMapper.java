package org.sportello.cases;

import java.util.Optional;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
interface RatingMapper {

	@Insert("INSERT INTO spt_rating (case_id, rating, comment, channel, created_at) "
			+ "VALUES (#{caseId}, #{rating}, #{comment}, #{source}, #{createdAt})")
	void insert(Rating rating);

	@Select("SELECT case_id, rating, comment, channel AS source, created_at FROM spt_rating WHERE case_id = #{caseId}")
	Optional<Rating> of(String caseId);

}
