package org.sportello;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

import org.springframework.beans.factory.annotation.Autowired;

import static com.tngtech.archunit.lang.conditions.ArchConditions.beAnnotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

/**
 * The shape of the code: feature packages ({@code org.sportello.<feature>}) talk to each
 * other only through the public types of each other's root package, never through their
 * internals ({@code ui} and any other sub-package); every view states who may open it;
 * time comes from the injected clock.
 */
@AnalyzeClasses(packages = "org.sportello", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	private static final String BASE = "org.sportello.";

	@ArchTest
	static final ArchRule featuresReachOtherFeaturesOnlyThroughTheirRootPackage = classes()
		.should(new ArchCondition<>("reach other features only through their root package") {
			@Override
			public void check(JavaClass origin, ConditionEvents events) {
				String own = featureOf(origin.getPackageName());
				for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
					String target = dependency.getTargetClass().getPackageName();
					String feature = featureOf(target);
					if (feature != null && !feature.equals(own) && !target.equals(BASE + feature)) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
					}
				}
			}
		});

	@ArchTest
	static final ArchRule everyRouteDeclaresWhoMayOpenIt = classes().that()
		.areAnnotatedWith(Route.class)
		.should(beAnnotatedWith(RolesAllowed.class).or(beAnnotatedWith(PermitAll.class))
			.or(beAnnotatedWith(AnonymousAllowed.class))
			.or(beAnnotatedWith(DenyAll.class)));

	@ArchTest
	static final ArchRule noFieldInjection = noFields().should().beAnnotatedWith(Autowired.class);

	@ArchTest
	static final ArchRule timeComesFromTheInjectedClock = noClasses().should()
		.callMethod(Instant.class, "now")
		.orShould()
		.callMethod(LocalDateTime.class, "now")
		.orShould()
		.callMethod(LocalDate.class, "now")
		.orShould()
		.callMethod(ZonedDateTime.class, "now")
		.orShould()
		.callMethod(System.class, "currentTimeMillis");

	/**
	 * The feature of a package under org.sportello, or null for the root and foreign
	 * packages.
	 */
	static String featureOf(String packageName) {
		if (!packageName.startsWith(BASE)) {
			return null;
		}
		String rest = packageName.substring(BASE.length());
		int dot = rest.indexOf('.');
		return (dot < 0) ? rest : rest.substring(0, dot);
	}

}
