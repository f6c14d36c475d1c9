package org.sportello.demo;

import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sportello.directory.Directory;
import org.sportello.directory.OfficeKind;
import org.sportello.directory.Skill;
import org.sportello.distribution.Availability;
import org.sportello.distribution.Distribution;
import org.sportello.security.Roles;
import org.sportello.sla.CalendarDefinition;
import org.sportello.sla.Calendars;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo profile only: the network of the L'Aquila "Sportello per il cittadino" and Linea
 * Amica (see shared/DOMAIN.md) with one user per role. Every demo password is
 * {@value #PASSWORD}; outside this profile the application refuses to start while any
 * user still has it. Idempotent: a restart adds nothing twice.
 */
@Component
@Profile("demo")
@Order(100)
class DemoData implements ApplicationRunner {

	static final String PASSWORD = "demo";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	record DemoAdministration(String code, String name, String kind, List<DemoOffice> offices) {
	}

	record DemoOffice(String groupId, String name, OfficeKind kind, boolean transferDesk) {

		DemoOffice(String groupId, String name, OfficeKind kind) {
			this(groupId, name, kind, false);
		}

	}

	record DemoUser(String id, String firstName, String lastName, String role, String office) {
	}

	static final List<DemoAdministration> ADMINISTRATIONS = List.of(
			new DemoAdministration("LINEA-AMICA", "Linea Amica - Formez PA", "NETWORK_HUB",
					List.of(new DemoOffice("linea-amica-hub", "Coordinamento Linea Amica", OfficeKind.HUB),
							new DemoOffice("linea-amica-fo", "Contact center Linea Amica", OfficeKind.FRONT_OFFICE),
							new DemoOffice("linea-amica-sera", "Linea Amica - assistenza fuori orario",
									OfficeKind.FRONT_OFFICE),
							new DemoOffice("linea-amica-bo", "Back office interno Linea Amica",
									OfficeKind.BACK_OFFICE_INTERNAL))),
			new DemoAdministration("COMUNE-AQ", "Comune dell'Aquila", "MUNICIPALITY", List.of(
					new DemoOffice("comune-aq-urp", "URP Comune dell'Aquila", OfficeKind.FRONT_OFFICE),
					new DemoOffice("comune-aq-bo", "Settore politiche abitative e ricostruzione",
							OfficeKind.BACK_OFFICE_EXTERNAL, true),
					new DemoOffice("comune-aq-anagrafe", "Servizi demografici", OfficeKind.BACK_OFFICE_EXTERNAL))),
			new DemoAdministration("PROVINCIA-AQ", "Provincia dell'Aquila", "PROVINCE",
					List.of(new DemoOffice("provincia-aq-urp", "URP Provincia dell'Aquila", OfficeKind.FRONT_OFFICE),
							new DemoOffice("provincia-aq-bo", "Viabilità ed edilizia scolastica",
									OfficeKind.BACK_OFFICE_EXTERNAL))),
			new DemoAdministration("REGIONE-ABRUZZO", "Regione Abruzzo", "REGION",
					List.of(new DemoOffice("regione-urp", "URP Regione Abruzzo", OfficeKind.FRONT_OFFICE),
							new DemoOffice("regione-bo", "Contributi e ricostruzione",
									OfficeKind.BACK_OFFICE_EXTERNAL))),
			new DemoAdministration("PROTEZIONE-CIVILE", "Dipartimento della Protezione Civile", "CIVIL_PROTECTION",
					List.of(new DemoOffice("pc-contact-center", "Contact center Protezione Civile",
							OfficeKind.FRONT_OFFICE),
							new DemoOffice("pc-bo", "Sala situazione e rischi", OfficeKind.BACK_OFFICE_EXTERNAL))),
			new DemoAdministration("INPS", "INPS", "PENSION_AGENCY", List.of(
					new DemoOffice("inps-urp", "Contact center INPS", OfficeKind.FRONT_OFFICE),
					new DemoOffice("inps-bo", "Sede provinciale INPS L'Aquila", OfficeKind.BACK_OFFICE_EXTERNAL))));

	static final List<DemoUser> USERS = List.of(new DemoUser("fo1", "Giulia", "Ferri", Roles.FO, "linea-amica-fo"),
			new DemoUser("fo-comune", "Marco", "Di Giacomo", Roles.FO, "comune-aq-urp"),
			new DemoUser("fo-sera", "Roberta", "Ciuffini", Roles.FO, "linea-amica-sera"),
			new DemoUser("fo-regione", "Stefano", "Marini", Roles.FO, "regione-urp"),
			new DemoUser("fo-inps", "Laura", "Presutti", Roles.FO, "inps-urp"),
			new DemoUser("bo-hub", "Chiara", "Marinelli", Roles.BO, "linea-amica-bo"),
			new DemoUser("bo-comune", "Paolo", "Santilli", Roles.BO, "comune-aq-bo"),
			new DemoUser("bo-provincia", "Elena", "Ciccone", Roles.BO, "provincia-aq-bo"),
			new DemoUser("bo-regione", "Luca", "Iannini", Roles.BO, "regione-bo"),
			new DemoUser("bo-pc", "Sara", "Colaiacovo", Roles.BO, "pc-bo"),
			new DemoUser("bo-inps", "Andrea", "Rossi", Roles.BO, "inps-bo"),
			new DemoUser("supervisor1", "Francesca", "De Santis", Roles.SUPERVISOR, "linea-amica-hub"),
			new DemoUser("redazione-inps", "Marta", "Pace", Roles.KB_EDITOR, "inps-bo"),
			new DemoUser("revisione-inps", "Giorgio", "Fusco", Roles.KB_REVIEWER, "inps-bo"),
			new DemoUser("designer", "Davide", "Progettista", Roles.DESIGNER, null),
			new DemoUser("admin", "Anna", "Amministratrice", Roles.ADMIN, null));

	/**
	 * Opening hours from the seeds: Linea Amica 09:00-18:00, the L'Aquila counter
	 * 09:00-17:30 with the patron saint San Massimo (10 June), the registry office also
	 * on Saturday mornings, URP Abruzzo 09:00-16:00, Linea Amica's after-hours service
	 * 18:00-22:00 and Saturday 09:00-13:00. Other offices use the network default
	 * (Mon-Fri 09:00-17:30).
	 */
	record DemoCalendar(List<String> offices, String weekdays, String saturday, String patronSaint) {
	}

	/**
	 * What the front offices offer whatever the shift (the distribution of front-office
	 * work sends a case only where its needs are met): Linea Amica English and French,
	 * the evening service English, the INPS contact center sign language (LIS by video
	 * call), the L'Aquila counter assistance for blind citizens; and two operators' own
	 * languages.
	 */
	static final Map<String, Set<Skill>> OFFICE_SKILLS = Map.of("linea-amica-fo",
			Set.of(Skill.LANG_EN, Skill.LANG_FR, Skill.DISABILITY_ASSISTANCE), "linea-amica-sera",
			Set.of(Skill.LANG_EN), "inps-urp", Set.of(Skill.SIGN_LANGUAGE, Skill.DISABILITY_ASSISTANCE),
			"comune-aq-urp", Set.of(Skill.BLIND_ASSISTANCE, Skill.DISABILITY_ASSISTANCE));

	static final Map<String, Set<Skill>> OPERATOR_SKILLS = Map.of("fo1", Set.of(Skill.LANG_ES), "fo-comune",
			Set.of(Skill.LANG_EN));

	static final List<DemoCalendar> CALENDARS = List.of(
			new DemoCalendar(List.of("linea-amica-hub", "linea-amica-fo", "linea-amica-bo"), "09:00-18:00", null, null),
			new DemoCalendar(List.of("comune-aq-urp", "comune-aq-bo"), "09:00-17:30", null, "10/06"),
			new DemoCalendar(List.of("comune-aq-anagrafe"), "09:00-13:00, 14:30-17:00", "09:00-12:00", "10/06"),
			new DemoCalendar(List.of("regione-urp", "regione-bo"), "09:00-16:00", null, null),
			// after-hours assistance: weekday evenings and Saturday mornings
			new DemoCalendar(List.of("linea-amica-sera"), "18:00-22:00", "09:00-13:00", null));

	private final Directory directory;

	private final IdentityService identityService;

	private final Calendars calendars;

	private final Distribution distribution;

	private final Availability availability;

	DemoData(Directory directory, IdentityService identityService, Calendars calendars, Distribution distribution,
			Availability availability) {
		this.directory = directory;
		this.identityService = identityService;
		this.calendars = calendars;
		this.distribution = distribution;
		this.availability = availability;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.directory.administration("LINEA-AMICA").isPresent()) {
			return;
		}
		for (DemoAdministration administration : ADMINISTRATIONS) {
			this.directory.registerAdministration(administration.code(), administration.name(), administration.kind());
			for (DemoOffice office : administration.offices()) {
				this.directory.registerOffice(office.groupId(), administration.code(), office.name(), office.kind(),
						office.transferDesk());
			}
		}
		for (DemoUser demoUser : USERS) {
			if (this.identityService.createUserQuery().userId(demoUser.id()).count() == 0) {
				User user = this.identityService.newUser(demoUser.id());
				user.setFirstName(demoUser.firstName());
				user.setLastName(demoUser.lastName());
				user.setEmail(demoUser.id() + "@demo.sportello.invalid");
				user.setPassword(PASSWORD);
				this.identityService.saveUser(user);
			}
			Roles.groupsOf(demoUser.role())
				.forEach((group) -> this.identityService.createMembership(demoUser.id(), group));
			if (demoUser.office() != null) {
				this.identityService.createMembership(demoUser.id(), demoUser.office());
			}
		}
		for (DemoCalendar calendar : CALENDARS) {
			Map<DayOfWeek, String> week = new EnumMap<>(DayOfWeek.class);
			for (DayOfWeek day : EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) {
				week.put(day, calendar.weekdays());
			}
			if (calendar.saturday() != null) {
				week.put(DayOfWeek.SATURDAY, calendar.saturday());
			}
			for (String office : calendar.offices()) {
				this.calendars.save(new CalendarDefinition(office, "Europe/Rome", CalendarDefinition.parseWeek(week),
						CalendarDefinition.parsePatronSaint(calendar.patronSaint()), List.of(), 0), "demo");
			}
		}
		OFFICE_SKILLS.forEach(this.distribution::setOfficeSkills);
		OPERATOR_SKILLS.forEach(this.availability::setSkills);
		log.info("Demo data loaded: {} administrations, {} users (password '{}')", ADMINISTRATIONS.size(), USERS.size(),
				PASSWORD);
	}

}
