package org.sportello.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * First start of a real installation: when nobody is in the {@code admin} group yet and
 * {@code SPORTELLO_ADMIN_PASSWORD} is set, creates the user {@code admin} with that
 * password. The password never lives in the repository or in a property file.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final IdentityService identityService;

	private final String password;

	AdminBootstrap(IdentityService identityService, @Value("${SPORTELLO_ADMIN_PASSWORD:}") String password) {
		this.identityService = identityService;
		this.password = password;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.identityService.createUserQuery().memberOfGroup(Roles.ADMIN).count() > 0) {
			return;
		}
		if (this.password.isBlank()) {
			log.warn("No administrator exists. Set SPORTELLO_ADMIN_PASSWORD and restart to create the user 'admin'.");
			return;
		}
		User admin = this.identityService.newUser("admin");
		admin.setFirstName("Amministratore");
		admin.setLastName("Sportello");
		admin.setPassword(this.password);
		this.identityService.saveUser(admin);
		Roles.groupsOf(Roles.ADMIN).forEach((group) -> this.identityService.createMembership("admin", group));
		log.info("Created the administrator 'admin' from SPORTELLO_ADMIN_PASSWORD.");
	}

}
