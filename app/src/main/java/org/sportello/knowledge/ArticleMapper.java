package org.sportello.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface ArticleMapper {

	String COLUMNS = "id, slug, administration_code, topic_code, audience, language, status, question, answer, tags,"
			+ " legal_basis, valid_from, valid_until, version, updated_by, updated_at";

	@Insert("INSERT INTO spt_kb_article (" + COLUMNS + ") VALUES (#{id}, #{slug}, #{administrationCode}, #{topicCode},"
			+ " #{audience}, #{language}, #{status}, #{question}, #{answer}, #{tags}, #{legalBasis}, #{validFrom},"
			+ " #{validUntil}, #{version}, #{updatedBy}, #{updatedAt})")
	void insert(Article article);

	@Update("UPDATE spt_kb_article SET administration_code = #{administrationCode}, topic_code = #{topicCode},"
			+ " audience = #{audience}, language = #{language}, status = #{status}, question = #{question},"
			+ " answer = #{answer}, tags = #{tags}, legal_basis = #{legalBasis}, valid_from = #{validFrom},"
			+ " valid_until = #{validUntil}, version = #{version}, updated_by = #{updatedBy},"
			+ " updated_at = #{updatedAt} WHERE id = #{id} AND version = #{version} - 1")
	int update(Article article);

	@Insert("INSERT INTO spt_kb_article_version (article_id, version, status, question, answer, tags, legal_basis,"
			+ " valid_from, valid_until, author, created_at) VALUES (#{id}, #{version}, #{status}, #{question},"
			+ " #{answer}, #{tags}, #{legalBasis}, #{validFrom}, #{validUntil}, #{updatedBy}, #{updatedAt})")
	void insertVersion(Article article);

	@Select("SELECT " + COLUMNS + " FROM spt_kb_article WHERE id = #{id}")
	Optional<Article> byId(String id);

	@Select("SELECT " + COLUMNS + " FROM spt_kb_article WHERE slug = #{slug}")
	Optional<Article> bySlug(String slug);

	@Select("SELECT " + COLUMNS + " FROM spt_kb_article ORDER BY administration_code, slug")
	List<Article> all();

	@Select("SELECT " + COLUMNS + " FROM spt_kb_article WHERE status = 'PUBLISHED'")
	List<Article> published();

	@Select("SELECT COUNT(*) FROM spt_kb_article_version WHERE article_id = #{id}")
	int versions(String id);

	/**
	 * What the index was built from: it changes whenever an article is saved on any node.
	 */
	@Select("SELECT COUNT(*) AS articles, MAX(updated_at) AS latest FROM spt_kb_article")
	Generation generation();

	record Generation(long articles, Instant latest) {
	}

	@Insert("INSERT INTO spt_case_article (case_id, article_id, used_at) VALUES (#{caseId}, #{articleId}, #{at})")
	void insertCaseArticle(@Param("caseId") String caseId, @Param("articleId") String articleId,
			@Param("at") Instant at);

	@Insert("INSERT INTO spt_kb_feedback (id, article_id, helpful, source, reason, created_at) VALUES (#{id},"
			+ " #{articleId}, #{helpful}, #{source}, #{reason}, #{at})")
	void insertFeedback(@Param("id") String id, @Param("articleId") String articleId, @Param("helpful") boolean helpful,
			@Param("source") String source, @Param("reason") String reason, @Param("at") Instant at);

	@Update("UPDATE spt_kb_article SET review_note = #{note} WHERE id = #{id}")
	void updateReviewNote(@Param("id") String id, @Param("note") String note);

	@Update("UPDATE spt_kb_article SET next_review = #{on} WHERE id = #{id}")
	void updateNextReview(@Param("id") String id, @Param("on") java.time.LocalDate on);

	@Select("SELECT review_note AS note, next_review FROM spt_kb_article WHERE id = #{id}")
	Optional<ArticleReview> review(String id);

}
