package org.sportello.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.sportello.directory.Directory;
import org.sportello.directory.Office;
import org.sportello.directory.OfficeKind;
import org.sportello.security.Roles;

import org.springframework.stereotype.Service;

/**
 * The network's figures from the anonymous warehouse, within what the reader may see: the
 * hub's supervisors and administrators the whole network, an administration's supervisors
 * the cases it opened (front-office figures) or opened or owns (everything else).
 */
@Service
public class Reports {

	private final ReportMapper mapper;

	private final Directory directory;

	private final Clock clock;

	Reports(ReportMapper mapper, Directory directory, Clock clock) {
		this.mapper = mapper;
		this.directory = directory;
		this.clock = clock;
	}

	public ReportScope scopeOf(String userId) {
		Directory.Membership membership = this.directory.membershipOf(userId);
		boolean network = membership.roles().contains(Roles.ADMIN)
				|| membership.offices().stream().anyMatch((office) -> office.kind() == OfficeKind.HUB);
		Set<String> administrations = membership.offices()
			.stream()
			.map(Office::administrationCode)
			.collect(Collectors.toUnmodifiableSet());
		return new ReportScope(network, administrations);
	}

	/** The administrations a reader may pick in the filter. */
	public List<String> administrationsIn(ReportScope scope) {
		return this.directory.administrations()
			.stream()
			.map((administration) -> administration.code())
			.filter(scope::covers)
			.toList();
	}

	/** The figures grouped by a dimension (months in order, the others largest first). */
	public List<Figures> breakdown(ReportScope scope, ReportFilter filter, Dimension dimension) {
		if (!readable(scope, filter)) {
			return List.of();
		}
		if (dimension == Dimension.OUTCOME_CLASS) {
			return this.mapper.outcomes(scope, filter, false, filter.wholeMonthsFrom(), filter.wholeMonthsUntil());
		}
		return this.mapper.breakdown(scope, filter, dimension.column(), dimension.frontOnly(),
				dimension == Dimension.MONTH, filter.wholeMonthsFrom(), filter.wholeMonthsUntil());
	}

	/** Per front office: opened, closed on the spot, with an article. */
	public List<Figures> byFrontOffice(ReportScope scope, ReportFilter filter) {
		return breakdown(scope, filter, Dimension.FRONT_OFFICE);
	}

	/** The front-office figures per month of opening ({@code label} yyyymm). */
	public List<Figures> byMonth(ReportScope scope, ReportFilter filter) {
		if (!readable(scope, filter)) {
			return List.of();
		}
		return this.mapper.breakdown(scope, filter, Dimension.MONTH.column(), true, true, filter.wholeMonthsFrom(),
				filter.wholeMonthsUntil());
	}

	/** All the front offices' cases of the period together. */
	public Figures total(ReportScope scope, ReportFilter filter) {
		return readable(scope, filter)
				? this.mapper.total(scope, filter, true, filter.wholeMonthsFrom(), filter.wholeMonthsUntil())
				: Figures.NONE;
	}

	/** Every case of the period the reader's administrations opened or own. */
	public Figures everyCase(ReportScope scope, ReportFilter filter) {
		return readable(scope, filter)
				? this.mapper.total(scope, filter, false, filter.wholeMonthsFrom(), filter.wholeMonthsUntil())
				: Figures.NONE;
	}

	/**
	 * The median working and calendar time to resolution of the front offices' cases of
	 * the period (as {@link #total}).
	 */
	public Medians medians(ReportScope scope, ReportFilter filter) {
		if (!readable(scope, filter)) {
			return new Medians(null, null);
		}
		if (filter.byTopicOrChannel()) {
			return new Medians(
					Medians.of(this.mapper.factMinutes(scope, filter, Medians.bucketOf("working_minutes"), true)),
					Medians.of(this.mapper.factMinutes(scope, filter, Medians.bucketOf("calendar_minutes"), true)));
		}
		return new Medians(
				Medians.of(this.mapper.minutes(scope, filter, "W", true, filter.wholeMonthsFrom(),
						filter.wholeMonthsUntil())),
				Medians.of(this.mapper.minutes(scope, filter, "C", true, filter.wholeMonthsFrom(),
						filter.wholeMonthsUntil())));
	}

	/**
	 * The office legs of the period's cases per office (front and back offices): first
	 * response, the office's part, SLA.
	 */
	public List<LegFigures> byOfficeLeg(ReportScope scope, ReportFilter filter) {
		return readable(scope, filter) ? this.mapper.byOfficeLeg(scope, filter) : List.of();
	}

	/** Cases still open today by age (whatever the period). */
	public List<Ageing> backlog(ReportScope scope, ReportFilter filter) {
		List<ReportMapper.DayCount> open = readable(scope, filter) ? this.mapper.openByDay(scope, filter, false)
				: List.of();
		return Trends.ageing(open, LocalDate.now(this.clock));
	}

	/** Topics rising unusually in the period's last seven days. */
	public List<TopicAlert> risingTopics(ReportScope scope, ReportFilter filter) {
		if (!readable(scope, filter)) {
			return List.of();
		}
		return Trends.rising(this.mapper.topicsByDay(scope, filter, Trends.historyStart(filter.to()), false),
				filter.to());
	}

	/** Whether the reader may see anything, and the filter's administration if any. */
	static boolean readable(ReportScope scope, ReportFilter filter) {
		return (scope.network() || !scope.administrations().isEmpty())
				&& (filter.administration() == null || scope.covers(filter.administration()));
	}

}
