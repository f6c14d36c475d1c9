package org.sportello.documents;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface DocumentRequestMapper {

	String COLUMNS = "id, case_id, office_group_id, administration_code, documents, message, requested_at, "
			+ "working_days, due_on, due_at, remind_at, reminded_at, status, closed_at";

	@Insert("INSERT INTO spt_document_request (id, case_id, seq, office_group_id, administration_code, documents, "
			+ "message, requested_at, working_days, due_on, due_at, remind_at, status) SELECT #{r.id}, #{r.caseId}, "
			+ "COALESCE(MAX(seq), 0) + 1, #{r.officeGroupId}, #{r.administrationCode}, #{documents}, #{r.message}, "
			+ "#{r.requestedAt}, #{r.workingDays}, #{r.dueOn}, #{r.dueAt}, #{r.remindAt}, 'OPEN' "
			+ "FROM spt_document_request WHERE case_id = #{r.caseId}")
	void insert(@Param("r") DocumentRequest request, @Param("documents") String documents);

	@Select("SELECT " + COLUMNS + " FROM spt_document_request WHERE case_id = #{caseId} ORDER BY seq")
	List<Row> ofCase(String caseId);

	@Select("SELECT " + COLUMNS + " FROM spt_document_request WHERE case_id = #{caseId} "
			+ "AND office_group_id = #{office} AND status = 'OPEN' ORDER BY seq DESC LIMIT 1")
	Optional<Row> openOf(@Param("caseId") String caseId, @Param("office") String officeGroupId);

	@Update("UPDATE spt_document_request SET reminded_at = #{at} WHERE id = #{id} AND reminded_at IS NULL")
	int reminded(@Param("id") String id, @Param("at") Instant at);

	@Update("UPDATE spt_document_request SET status = #{status}, closed_at = #{at} WHERE id = #{id} "
			+ "AND status = 'OPEN'")
	int close(@Param("id") String id, @Param("status") DocumentRequest.Status status, @Param("at") Instant at);

	@Update("UPDATE spt_document_request SET status = 'ANSWERED', closed_at = #{at} WHERE case_id = #{caseId} "
			+ "AND status = 'OPEN'")
	int answerAll(@Param("caseId") String caseId, @Param("at") Instant at);

	/** A row as stored: the document kinds comma-separated. */
	record Row(String id, String caseId, String officeGroupId, String administrationCode, String documents,
			String message, Instant requestedAt, int workingDays, java.time.LocalDate dueOn, Instant dueAt,
			Instant remindAt, Instant remindedAt, DocumentRequest.Status status, Instant closedAt) {

		DocumentRequest toRequest() {
			List<String> kinds = (this.documents == null || this.documents.isBlank()) ? List.of()
					: List.of(this.documents.split(","));
			return new DocumentRequest(this.id, this.caseId, this.officeGroupId, this.administrationCode, kinds,
					this.message, this.requestedAt, this.workingDays, this.dueOn, this.dueAt, this.remindAt,
					this.remindedAt, this.status, this.closedAt);
		}

	}

	/** Retention: the official's free text; the kinds of documents asked for stay. */
	@Update("UPDATE spt_document_request SET message = NULL WHERE case_id = #{caseId}")
	void blankCase(String caseId);

}
