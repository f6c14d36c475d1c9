package org.sportello.reporting;

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
 * the cases its front offices opened.
 */
@Service
public class Reports {

	private final ReportMapper mapper;

	private final Directory directory;

	Reports(ReportMapper mapper, Directory directory) {
		this.mapper = mapper;
		this.directory = directory;
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

	/** Per front office: opened, closed on the spot, with an article. */
	public List<FrontOfficeFigures> byFrontOffice(ReportScope scope, ReportFilter filter) {
		return readable(scope, filter) ? this.mapper.byFrontOffice(scope, filter) : List.of();
	}

	/** The same per month of opening ({@code label} yyyymm). */
	public List<FrontOfficeFigures> byMonth(ReportScope scope, ReportFilter filter) {
		return readable(scope, filter) ? this.mapper.byMonth(scope, filter) : List.of();
	}

	public FrontOfficeFigures total(ReportScope scope, ReportFilter filter) {
		return readable(scope, filter) ? this.mapper.total(scope, filter)
				: new FrontOfficeFigures("total", null, 0, 0, 0, 0, 0, 0, 0);
	}

	private static boolean readable(ReportScope scope, ReportFilter filter) {
		return (scope.network() || !scope.administrations().isEmpty())
				&& (filter.administration() == null || scope.covers(filter.administration()));
	}

}
