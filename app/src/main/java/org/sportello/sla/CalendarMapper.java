package org.sportello.sla;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface CalendarMapper {

	record CalendarRow(String officeGroupId, String zone, String patronSaint, Instant updatedAt, String updatedBy,
			int version) {
	}

	record HoursRow(int dayOfWeek, String startTime, String endTime) {
	}

	record ClosureRow(java.time.LocalDate closedOn, String reason) {
	}

	@Select("SELECT office_group_id, zone, patron_saint, updated_at, updated_by, version FROM spt_calendar "
			+ "WHERE office_group_id = #{office}")
	Optional<CalendarRow> calendar(String office);

	@Select("SELECT day_of_week, start_time, end_time FROM spt_calendar_hours WHERE office_group_id = #{office} "
			+ "ORDER BY day_of_week, start_time")
	List<HoursRow> hours(String office);

	@Select("SELECT closed_on, reason FROM spt_calendar_closure WHERE office_group_id = #{office} ORDER BY closed_on")
	List<ClosureRow> closures(String office);

	/**
	 * New calendars start at version 1: a save based on "no calendar yet" (0) then
	 * conflicts.
	 */
	@Insert("INSERT INTO spt_calendar (office_group_id, zone, patron_saint, updated_at, updated_by, version) "
			+ "VALUES (#{row.officeGroupId}, #{row.zone}, #{row.patronSaint}, #{row.updatedAt}, #{row.updatedBy}, 1)")
	void insertCalendar(@Param("row") CalendarRow row);

	/**
	 * Updates when the version is still the one read; answers the rows changed (0 or 1).
	 */
	@Update("UPDATE spt_calendar SET zone = #{row.zone}, patron_saint = #{row.patronSaint}, "
			+ "updated_at = #{row.updatedAt}, updated_by = #{row.updatedBy}, version = version + 1 "
			+ "WHERE office_group_id = #{row.officeGroupId} AND version = #{row.version}")
	int updateCalendar(@Param("row") CalendarRow row);

	@Delete("DELETE FROM spt_calendar_hours WHERE office_group_id = #{office}")
	void deleteHours(String office);

	@Insert("INSERT INTO spt_calendar_hours (office_group_id, day_of_week, start_time, end_time) "
			+ "VALUES (#{office}, #{row.dayOfWeek}, #{row.startTime}, #{row.endTime})")
	void insertHours(@Param("office") String office, @Param("row") HoursRow row);

	@Delete("DELETE FROM spt_calendar_closure WHERE office_group_id = #{office}")
	void deleteClosures(String office);

	@Insert("INSERT INTO spt_calendar_closure (office_group_id, closed_on, reason) "
			+ "VALUES (#{office}, #{row.closedOn}, #{row.reason})")
	void insertClosure(@Param("office") String office, @Param("row") ClosureRow row);

}
