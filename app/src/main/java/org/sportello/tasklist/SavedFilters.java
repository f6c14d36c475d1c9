package org.sportello.tasklist;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import org.sportello.cases.FreeText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each official's saved inbox filters (saving under an existing name replaces it). */
@Service
public class SavedFilters {

	/** Most filters one official keeps. */
	static final int MAX = 30;

	private final FilterMapper mapper;

	private final ObjectMapper json;

	private final Clock clock;

	SavedFilters(FilterMapper mapper, ObjectMapper json, Clock clock) {
		this.mapper = mapper;
		this.json = json;
		this.clock = clock;
	}

	public List<SavedFilter> of(String user) {
		List<SavedFilter> filters = new ArrayList<>();
		for (Map<String, Object> row : this.mapper.of(user)) {
			try {
				filters.add(this.json.readValue((String) row.get("DEFINITION"), SavedFilter.class));
			}
			catch (IOException | RuntimeException ex) {
				// a filter saved by an older version that no longer reads: skip it
			}
		}
		return filters;
	}

	/**
	 * Saves (or replaces) a filter; refuses an empty or overlong name and too many
	 * filters.
	 */
	@Transactional
	public void save(String user, SavedFilter filter) {
		String name = (filter.name() == null) ? "" : FreeText.normalize(filter.name());
		if (!FreeText.fits(name, 1, 80)) {
			throw new IllegalArgumentException("filter.bad-name");
		}
		this.mapper.delete(user, name);
		if (this.mapper.count(user) >= MAX) {
			throw new IllegalArgumentException("filter.too-many");
		}
		try {
			this.mapper.insert(user, name,
					this.json.writeValueAsString(new SavedFilter(name, filter.tab(), filter.sort(), filter.filter())),
					this.clock.instant());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Transactional
	public void delete(String user, String name) {
		this.mapper.delete(user, name);
	}

	@Mapper
	interface FilterMapper {

		@Select("SELECT name AS NAME, definition AS DEFINITION FROM spt_saved_filter WHERE user_id = #{user} ORDER BY name")
		List<Map<String, Object>> of(String user);

		@Select("SELECT COUNT(*) FROM spt_saved_filter WHERE user_id = #{user}")
		int count(String user);

		@Insert("INSERT INTO spt_saved_filter (user_id, name, definition, created_at) "
				+ "VALUES (#{user}, #{name}, #{definition}, #{at})")
		void insert(@Param("user") String user, @Param("name") String name, @Param("definition") String definition,
				@Param("at") java.time.Instant at);

		@Delete("DELETE FROM spt_saved_filter WHERE user_id = #{user} AND name = #{name}")
		void delete(@Param("user") String user, @Param("name") String name);

	}

}
