package org.sportello.tasklist;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface TaskSignalMapper {

	record SignalRow(long id, String node, String taskId, String groupsCsv, String usersCsv) {
	}

	@Insert("INSERT INTO spt_task_signal (node, task_id, groups_csv, users_csv, created_at) "
			+ "VALUES (#{node}, #{taskId}, #{groups}, #{users}, #{at})")
	void insert(@Param("node") String node, @Param("taskId") String taskId, @Param("groups") String groups,
			@Param("users") String users, @Param("at") Instant at);

	@Select("SELECT COALESCE(MAX(id), 0) FROM spt_task_signal")
	long lastId();

	@Select("SELECT id, node, task_id, groups_csv, users_csv FROM spt_task_signal WHERE id > #{after} ORDER BY id")
	List<SignalRow> after(long after);

	@Delete("DELETE FROM spt_task_signal WHERE created_at < #{before}")
	int purge(Instant before);

}
