package org.sportello.knowledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface MeasureMapper {

	@Insert("INSERT INTO spt_kb_search_gap (id, query, language, created_at) VALUES (#{id}, #{query}, #{language}, #{at})")
	void insertGap(@Param("id") String id, @Param("query") String query, @Param("language") String language,
			@Param("at") Instant at);

	@Select("SELECT query, language, COUNT(*) AS searches, MAX(created_at) AS last_searched FROM spt_kb_search_gap"
			+ " WHERE created_at >= #{since} GROUP BY query, language HAVING COUNT(*) >= #{min}"
			+ " ORDER BY searches DESC, last_searched DESC, query LIMIT #{limit}")
	List<KnowledgeMeasures.Gap> gaps(@Param("since") Instant since, @Param("min") int minSearches,
			@Param("limit") int limit);

	String IN_ADMINISTRATIONS = "<foreach item='code' collection='administrations' open='(' separator=',' close=')'>#{code}</foreach>";

	@Select("<script>SELECT id AS article_id, question, administration_code, next_review, valid_until"
			+ " FROM spt_kb_article WHERE status = 'PUBLISHED' AND administration_code IN " + IN_ADMINISTRATIONS
			+ " AND (next_review &lt; #{today} OR valid_until &lt; #{today})"
			+ " ORDER BY COALESCE(next_review, valid_until), question</script>")
	List<KnowledgeMeasures.Overdue> overdue(@Param("administrations") Set<String> administrations,
			@Param("today") LocalDate today);

	@Select("<script>SELECT a.id AS article_id, a.question, a.administration_code, a.status,"
			+ " (SELECT COUNT(*) FROM spt_case_article u WHERE u.article_id = a.id AND u.used_at >= #{since}) AS uses,"
			+ " (SELECT COUNT(*) FROM spt_kb_feedback f WHERE f.article_id = a.id AND f.source = 'OPERATOR'"
			+ " AND f.helpful = FALSE AND f.created_at >= #{since}) AS operators_not_helpful,"
			+ " (SELECT COUNT(*) FROM spt_kb_feedback f WHERE f.article_id = a.id AND f.source = 'CITIZEN'"
			+ " AND f.helpful = TRUE AND f.created_at >= #{since}) AS citizens_helpful,"
			+ " (SELECT COUNT(*) FROM spt_kb_feedback f WHERE f.article_id = a.id AND f.source = 'CITIZEN'"
			+ " AND f.helpful = FALSE AND f.created_at >= #{since}) AS citizens_not_helpful"
			+ " FROM spt_kb_article a WHERE a.status = 'PUBLISHED' AND a.administration_code IN " + IN_ADMINISTRATIONS
			+ " ORDER BY uses DESC, a.question</script>")
	List<KnowledgeMeasures.Usage> usage(@Param("administrations") Set<String> administrations,
			@Param("since") Instant since);

}
