package org.sportello.reporting;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Reads of the warehouse (never of the operational tables). */
@Mapper
interface ReportMapper {

	String FIGURES = "COUNT(*) AS cases, COALESCE(SUM(CASE WHEN closed_on IS NOT NULL THEN 1 ELSE 0 END), 0) AS finished,"
			+ " COALESCE(SUM(CASE WHEN closed_at_front_office THEN 1 ELSE 0 END), 0) AS closed_at_front_office,"
			+ " COALESCE(SUM(CASE WHEN with_article AND closed_at_front_office THEN 1 ELSE 0 END), 0) AS with_article,"
			+ " COALESCE(SUM(CASE WHEN working_minutes IS NOT NULL THEN 1 ELSE 0 END), 0) AS timed_cases,"
			+ " COALESCE(SUM(working_minutes), 0) AS working_minutes,"
			+ " COALESCE(SUM(CASE WHEN working_minutes IS NOT NULL THEN calendar_minutes ELSE 0 END), 0)"
			+ " AS calendar_minutes";

	/** yyyy-mm of the opening day. */
	String MONTH = "CAST(EXTRACT(YEAR FROM opened_on) * 100 + EXTRACT(MONTH FROM opened_on) AS CHAR(6))";

	String WHERE = " WHERE opened_on BETWEEN #{filter.from} AND #{filter.to}"
			+ "<if test='filter.administration != null'> AND front_administration = #{filter.administration}</if>"
			+ "<if test='!scope.network'> AND front_administration IN <foreach item='code' collection='scope.administrations'"
			+ " open='(' separator=',' close=')'>#{code}</foreach></if>";

	@Select("<script>SELECT front_office AS label, front_administration AS administration, " + FIGURES
			+ " FROM spt_dw_case" + WHERE + " GROUP BY front_office, front_administration"
			+ " ORDER BY cases DESC, front_office</script>")
	List<FrontOfficeFigures> byFrontOffice(@Param("scope") ReportScope scope, @Param("filter") ReportFilter filter);

	@Select("<script>SELECT " + MONTH + " AS label, NULL AS administration, " + FIGURES + " FROM spt_dw_case" + WHERE
			+ " GROUP BY " + MONTH + " ORDER BY label</script>")
	List<FrontOfficeFigures> byMonth(@Param("scope") ReportScope scope, @Param("filter") ReportFilter filter);

	@Select("<script>SELECT 'total' AS label, NULL AS administration, " + FIGURES + " FROM spt_dw_case" + WHERE
			+ "</script>")
	FrontOfficeFigures total(@Param("scope") ReportScope scope, @Param("filter") ReportFilter filter);

}
