package org.sportello.reporting;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo profile only: a realistic year of anonymous facts in the warehouse, so that the
 * dashboards show the network's life on first start. Shaped on the figures of the seeds
 * (shared/seeds): about three quarters closed at the front office (Linea Amica 71.7 %,
 * L'Aquila 84.25 %, Civil Protection 79.1 %), mean resolution around 8 h 37 min of
 * working time, 92 % satisfied; the Civil Protection contact center's classes in their
 * proportions (seismic events 6,204 and seismic risk 2,213, weather/hydro 5,066 + 1,608,
 * volunteering 1,696 of 23,549); fewer contacts at weekends, peaks at the January and
 * June tax deadlines and a week of seismic swarm in the autumn. Facts only (keys
 * {@code demo-...}), no cases: nothing here is anybody's request. Written once, in one
 * transaction, in the background once the application is ready (on the first start it
 * took 3.5 of 19 seconds, issue #19); a restart adds nothing.
 */
@Component
@Profile("demo")
class DemoYear {

	private static final Logger log = LoggerFactory.getLogger(DemoYear.class);

	/** Cases on an ordinary weekday of the demo year. */
	static final int WEEKDAY_CASES = 70;

	record Office(String group, String administration, int weight) {
	}

	record TopicShare(String code, String owner, int weight) {
	}

	static final List<Office> FRONT_OFFICES = List.of(new Office("linea-amica-fo", "LINEA-AMICA", 45),
			new Office("comune-aq-urp", "COMUNE-AQ", 20), new Office("pc-contact-center", "PROTEZIONE-CIVILE", 18),
			new Office("regione-urp", "REGIONE-ABRUZZO", 9), new Office("inps-urp", "INPS", 5),
			new Office("provincia-aq-urp", "PROVINCIA-AQ", 3));

	/**
	 * Topics by weight; the Civil Protection ones in the contact center's proportions.
	 */
	static final List<TopicShare> TOPICS = List.of(new TopicShare("SEISMIC_RISK_REPORT", "PROTEZIONE-CIVILE", 84),
			new TopicShare("WEATHER_HYDRO_RISK", "PROTEZIONE-CIVILE", 67),
			new TopicShare("VOLUNTEERING", "PROTEZIONE-CIVILE", 17),
			new TopicShare("RECONSTRUCTION_GRANT", "REGIONE-ABRUZZO", 90),
			new TopicShare("HOUSING_ASSISTANCE", "COMUNE-AQ", 70),
			new TopicShare("CIVIL_REGISTRY_CERTIFICATE", "COMUNE-AQ", 55), new TopicShare("LOCAL_TAX", "COMUNE-AQ", 45),
			new TopicShare("GAS_CONNECTION", "COMUNE-AQ", 30), new TopicShare("PENSION", "INPS", 60),
			new TopicShare("INCOME_SUPPORT", "INPS", 35), new TopicShare("HEALTH_BOOKING", "REGIONE-ABRUZZO", 30),
			new TopicShare("SCHOOL_BUILDINGS", "PROVINCIA-AQ", 12),
			new TopicShare("PROVINCIAL_ROADS", "PROVINCIA-AQ", 10), new TopicShare("OTHER", "LINEA-AMICA", 25));

	static final String[] CHANNELS = { "PHONE", "PHONE", "PHONE", "PHONE", "PHONE", "PHONE", "PHONE", "PHONE", "PHONE",
			"PHONE", "PHONE", "PHONE", "WEB_FORM", "WEB_FORM", "WEB_FORM", "EMAIL", "EMAIL", "COUNTER", "COUNTER",
			"PEC", "SMS", "LETTER" };

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final boolean enabled;

	private final DailyFigures daily;

	private final TransactionTemplate transactions;

	DemoYear(JdbcTemplate jdbc, DailyFigures daily, Clock clock, TransactionTemplate transactions,
			@Value("${sportello.demo.report-year:true}") boolean enabled) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.daily = daily;
		this.clock = clock;
		this.enabled = enabled;
	}

	@EventListener(ApplicationReadyEvent.class)
	void fillInTheBackground() {
		if (this.enabled) {
			Thread filler = new Thread(this::fill, "demo-year");
			filler.setDaemon(true);
			filler.start();
		}
	}

	void fill() {
		if (this.jdbc.queryForObject("SELECT COUNT(*) FROM spt_dw_case WHERE case_key LIKE 'demo-%'",
				Integer.class) > 0) {
			return;
		}
		List<CaseFact> facts = year(LocalDate.now(this.clock).minusDays(1));
		// all or nothing: a stop half-way must not leave half a year that no restart
		// completes
		this.transactions.executeWithoutResult((tx) -> {
			insert(this.jdbc, facts);
			this.daily.aggregateAll();
		});
		log.info("Demo reporting year: {} anonymous facts up to {}", facts.size(),
				LocalDate.now(this.clock).minusDays(1));
	}

	static void insert(JdbcTemplate jdbc, List<CaseFact> facts) {
		jdbc.batchUpdate("INSERT INTO spt_dw_case (case_key, opened_on, opened_hour, channel, topic_code,"
				+ " front_office, front_administration, owner_administration, status, closed_on, closed_at_front_office,"
				+ " with_article, administrations, transfers, calendar_minutes, working_minutes, sla_breached,"
				+ " escalation_level, rating, outcome_class, topic_class, response_minutes)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", facts, 1000,
				(statement, fact) -> {
					statement.setString(1, fact.caseKey());
					statement.setObject(2, fact.openedOn());
					statement.setInt(3, fact.openedHour());
					statement.setString(4, fact.channel());
					statement.setString(5, fact.topicCode());
					statement.setString(6, fact.frontOffice());
					statement.setString(7, fact.frontAdministration());
					statement.setString(8, fact.ownerAdministration());
					statement.setString(9, fact.status());
					statement.setObject(10, fact.closedOn());
					statement.setBoolean(11, fact.closedAtFrontOffice());
					statement.setBoolean(12, fact.withArticle());
					statement.setInt(13, fact.administrations());
					statement.setInt(14, fact.transfers());
					statement.setObject(15, fact.calendarMinutes());
					statement.setObject(16, fact.workingMinutes());
					statement.setBoolean(17, fact.slaBreached());
					statement.setInt(18, fact.escalationLevel());
					statement.setString(19, fact.rating());
					statement.setString(20, fact.outcomeClass());
					statement.setString(21, fact.topicClass());
					statement.setObject(22, fact.responseMinutes());
				});
	}

	/**
	 * The year of facts ending on {@code last}; the same for the same day (fixed seed).
	 */
	static List<CaseFact> year(LocalDate last) {
		return year(last, WEEKDAY_CASES, "demo-");
	}

	/** The same shape with more (or fewer) cases a day (benchmarks). */
	static List<CaseFact> year(LocalDate last, int weekdayCases, String keyPrefix) {
		Random random = new Random(2009);
		List<CaseFact> facts = new ArrayList<>();
		LocalDate swarm = LocalDate.of(last.getYear() - ((last.getMonthValue() < 10) ? 1 : 0), Month.OCTOBER, 20);
		for (LocalDate day = last.minusDays(364); !day.isAfter(last); day = day.plusDays(1)) {
			boolean inSwarm = !day.isBefore(swarm) && day.isBefore(swarm.plusDays(7));
			// a swarm brings two and a half times the calls, most about the earthquakes
			int cases = (int) Math.round(weekdayCases * weekday(day) * season(day) * (inSwarm ? 2.5 : 1)
					* (0.85 + 0.3 * random.nextDouble()));
			for (int one = 0; one < cases; one++) {
				facts.add(fact(random, day, last, inSwarm, keyPrefix + String.format("%08d", facts.size())));
			}
		}
		return facts;
	}

	private static double weekday(LocalDate day) {
		return switch (day.getDayOfWeek()) {
			case MONDAY -> 1.25;
			case SATURDAY -> 0.2;
			case SUNDAY -> 0.08;
			default -> 1.0;
		};
	}

	/** Tax deadlines in January and June, a quiet August. */
	private static double season(LocalDate day) {
		return switch (day.getMonth()) {
			case JANUARY, JUNE -> 1.35;
			case AUGUST -> 0.6;
			case DECEMBER -> 0.85;
			default -> 1.0;
		};
	}

	private static CaseFact fact(Random random, LocalDate day, LocalDate last, boolean inSwarm, String key) {
		Office office = pick(random, FRONT_OFFICES.stream().mapToInt(Office::weight).toArray(), FRONT_OFFICES);
		TopicShare topic = (inSwarm && random.nextDouble() < 0.6) ? TOPICS.get(0)
				: pick(random, TOPICS.stream().mapToInt(TopicShare::weight).toArray(), TOPICS);
		int hour = (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY)
				? 9 + random.nextInt(4) : 8 + random.nextInt(10);
		String channel = CHANNELS[random.nextInt(CHANNELS.length)];
		boolean atFrontOffice = random.nextDouble() < ("pc-contact-center".equals(office.group()) ? 0.791 : 0.75);
		long age = last.toEpochDay() - day.toEpochDay();
		// recent cases may still be open: most of the last days' forwarded ones
		boolean open = !atFrontOffice && age < 10 && random.nextDouble() < 0.7 - age * 0.06;
		long working;
		long calendar;
		if (atFrontOffice) {
			working = 3 + random.nextInt(25);
			calendar = working;
		}
		else {
			// lognormal around a median of about 22 working hours (mean ~31 h), so that
			// front
			// and back office together come near Linea Amica's 8 h 37 min
			working = Math.round(Math.exp(Math.log(1300) + 0.85 * random.nextGaussian()));
			calendar = working + (working / 510) * 15 * 60 + random.nextInt(120);
		}
		// the back offices promise 40 working hours (decisions/sla.dmn)
		boolean breached = !atFrontOffice && working > 2400;
		int escalation = breached ? ((working > 3360) ? 2 : 1) : 0;
		LocalDate closedOn = open ? null : day.plusDays(calendar / (24 * 60));
		String rating = (!open && random.nextDouble() < 0.3) ? rating(random) : null;
		int administrations = atFrontOffice ? 0 : ((random.nextDouble() < 0.12) ? 2 : 1);
		int transfers = (!atFrontOffice && random.nextDouble() < 0.06) ? 1 : 0;
		// drawn here, in the order of the arguments below before (the year stays the
		// same)
		String status = status(random, open, atFrontOffice);
		return new CaseFact(key, day, hour, channel, topic.code(), office.group(), office.administration(),
				atFrontOffice ? null : topic.owner(), status, closedOn, atFrontOffice && !open,
				atFrontOffice && random.nextDouble() < 0.4, administrations, transfers, open ? null : calendar,
				open ? null : working, breached, escalation, rating,
				open ? null : ("NON_DI_COMPETENZA".equals(status) ? "NOT_COMPETENT" : outcomeClass(key, atFrontOffice)),
				TOPIC_CLASSES.get(topic.code()), open ? null : Math.min(working, 20 + working / 3));
	}

	/** The classes of the demo topics (db/V21__classification.sql). */
	static final java.util.Map<String, String> TOPIC_CLASSES = java.util.Map.ofEntries(
			java.util.Map.entry("SEISMIC_RISK_REPORT", "SEISMIC_RISK"),
			java.util.Map.entry("WEATHER_HYDRO_RISK", "WEATHER_HYDRO_RISK"),
			java.util.Map.entry("VOLUNTEERING", "VOLUNTEERING"),
			java.util.Map.entry("RECONSTRUCTION_GRANT", "RECONSTRUCTION"),
			java.util.Map.entry("HOUSING_ASSISTANCE", "RECONSTRUCTION"),
			java.util.Map.entry("CIVIL_REGISTRY_CERTIFICATE", "CIVIL_REGISTRY"),
			java.util.Map.entry("LOCAL_TAX", "TAXES"), java.util.Map.entry("GAS_CONNECTION", "UTILITIES"),
			java.util.Map.entry("PENSION", "WELFARE"), java.util.Map.entry("INCOME_SUPPORT", "WELFARE"),
			java.util.Map.entry("HEALTH_BOOKING", "HEALTH"), java.util.Map.entry("SCHOOL_BUILDINGS", "EDUCATION"),
			java.util.Map.entry("PROVINCIAL_ROADS", "MOBILITY"), java.util.Map.entry("OTHER", "GENERAL"));

	/**
	 * The outcome class recorded at closure: mostly information at the front office, a
	 * service or an answer after the back office. Drawn from the key, so that the year's
	 * other draws (and its size) stay as they were.
	 */
	private static String outcomeClass(String key, boolean atFrontOffice) {
		int draw = Math.floorMod(key.hashCode() * 31 + 7, 100);
		if (atFrontOffice) {
			return (draw < 55) ? "INFORMATION_GIVEN"
					: (draw < 75) ? "PROCEDURE_EXPLAINED" : (draw < 85) ? "SERVICE_DELIVERED"
							: (draw < 93) ? "REFERRED" : (draw < 97) ? "COMPLAINT_RECORDED" : "NOT_RESOLVED";
		}
		return (draw < 40) ? "SERVICE_DELIVERED" : (draw < 80) ? "INFORMATION_GIVEN" : "PROCEDURE_EXPLAINED";
	}

	/**
	 * Forwarded cases end "not within competence" now and then (4.4 % at Civil
	 * Protection).
	 */
	private static String status(Random random, boolean open, boolean atFrontOffice) {
		if (open) {
			return "IN_LAVORAZIONE";
		}
		return (!atFrontOffice && random.nextDouble() < 0.044) ? "NON_DI_COMPETENZA" : "RISOLTA";
	}

	private static String rating(Random random) {
		double draw = random.nextDouble();
		return (draw < 0.80) ? "POSITIVE" : (draw < 0.92) ? "NEUTRAL" : "NEGATIVE";
	}

	private static <T> T pick(Random random, int[] weights, List<T> items) {
		int total = 0;
		for (int weight : weights) {
			total += weight;
		}
		int draw = random.nextInt(total);
		for (int i = 0; i < weights.length; i++) {
			draw -= weights[i];
			if (draw < 0) {
				return items.get(i);
			}
		}
		return items.get(items.size() - 1);
	}

}
