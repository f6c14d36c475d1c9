package org.sportello.distribution;

import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.sportello.directory.Directory;
import org.sportello.directory.Office;
import org.sportello.directory.OfficeKind;
import org.sportello.directory.Skill;
import org.sportello.security.Roles;
import org.sportello.sla.CalendarDefinition;
import org.sportello.sla.Calendars;

/**
 * Three front offices of the distribution tests' own (so that no other test's tasks or
 * offices take part): a contact center open 09:00-18:00 with English and French, an
 * evening service 18:00-22:00 with English and a regional counter open 09:00-16:00
 * without languages, Monday to Friday; one operator each.
 */
final class TestNetwork {

	static final String ADMINISTRATION = "DIST-NET";

	static final String CENTER = "dist-center";

	static final String EVENING = "dist-evening";

	static final String REGION = "dist-region";

	/** The operators' password (browser tests sign in). */
	static final String PASSWORD = "Turno-di-prova-2034";

	static final List<String> OPERATORS = List.of("dist-op-c", "dist-op-e", "dist-op-r");

	private TestNetwork() {
	}

	static void ensure(Directory directory, Calendars calendars, Distribution distribution, IdentityService identity) {
		if (directory.administration(ADMINISTRATION).isPresent()) {
			return;
		}
		directory.registerAdministration(ADMINISTRATION, "Rete di prova della distribuzione", "NETWORK_HUB");
		office(directory, calendars, distribution, identity, CENTER, "Centro contatti di prova", "09:00-18:00",
				Set.of(Skill.LANG_EN, Skill.LANG_FR), "dist-op-c");
		office(directory, calendars, distribution, identity, EVENING, "Servizio serale di prova", "18:00-22:00",
				Set.of(Skill.LANG_EN), "dist-op-e");
		office(directory, calendars, distribution, identity, REGION, "URP regionale di prova", "09:00-16:00", Set.of(),
				"dist-op-r");
	}

	/** The test network's offices (a re-balancing pass among them only). */
	static List<Office> offices(Distribution distribution) {
		return distribution.frontOffices()
			.stream()
			.filter((office) -> office.administrationCode().equals(ADMINISTRATION))
			.toList();
	}

	/**
	 * Two nodes' re-balancing passes started at the same moment (two threads behind a
	 * barrier); the moves both report.
	 */
	static int twoNodes(Distribution distribution, List<Office> offices) throws Exception {
		java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
		List<java.util.concurrent.CompletableFuture<Integer>> nodes = new java.util.ArrayList<>();
		for (int node = 0; node < 2; node++) {
			nodes.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
				try {
					together.await();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
				return distribution.rebalance(offices);
			}));
		}
		int moves = 0;
		for (java.util.concurrent.CompletableFuture<Integer> node : nodes) {
			moves += node.get();
		}
		return moves;
	}

	/**
	 * Ends the processes of these cases (by tracking code), so no task of theirs waits
	 * on.
	 */
	static void endCases(org.camunda.bpm.engine.RuntimeService runtime, List<String> codes) {
		codes.forEach((code) -> runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(code)
			.list()
			.forEach((instance) -> runtime.deleteProcessInstance(instance.getId(), "test over")));
	}

	/** A wall-clock time in Rome. */
	static java.time.Instant rome(int year, int month, int day, int hour, int minute) {
		return java.time.LocalDateTime.of(year, month, day, hour, minute)
			.atZone(java.time.ZoneId.of("Europe/Rome"))
			.toInstant();
	}

	static void everyoneOff(Availability availability) {
		OPERATORS.forEach((operator) -> availability.set(operator, DutyState.OFF));
		OPERATORS.forEach((operator) -> availability.setSkills(operator, Set.of()));
	}

	private static void office(Directory directory, Calendars calendars, Distribution distribution,
			IdentityService identity, String id, String name, String hours, Set<Skill> skills, String operator) {
		directory.registerOffice(id, ADMINISTRATION, name, OfficeKind.FRONT_OFFICE, false);
		Map<DayOfWeek, String> week = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) {
			week.put(day, hours);
		}
		calendars.save(
				new CalendarDefinition(id, "Europe/Rome", CalendarDefinition.parseWeek(week), null, List.of(), 0),
				"test");
		distribution.setOfficeSkills(id, skills);
		org.camunda.bpm.engine.identity.User user = identity.newUser(operator);
		// Carla, Ettore, Rita Prova (by the operator's last letter)
		user.setFirstName(switch (operator.charAt(operator.length() - 1)) {
			case 'c' -> "Carla";
			case 'e' -> "Ettore";
			default -> "Rita";
		});
		user.setLastName("Prova");
		user.setPassword(PASSWORD);
		identity.saveUser(user);
		identity.createMembership(operator, Roles.FO);
		identity.createMembership(operator, id);
	}

}
