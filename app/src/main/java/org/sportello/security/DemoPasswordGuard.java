package org.sportello.security;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile, refuses to start while any user still has the demo password:
 * a database once filled with demo data must not go live with it.
 * <p>
 * The hashes are compared directly (engine internals, confined to this class) instead of
 * through {@code IdentityService.checkPassword}, which would count a failed sign-in
 * against every user at every start and eventually lock them out.
 */
@Component
@Profile("!demo")
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
class DemoPasswordGuard implements ApplicationRunner {

	static final String DEMO_PASSWORD = "demo";

	private final ProcessEngine processEngine;

	DemoPasswordGuard(ProcessEngine processEngine) {
		this.processEngine = processEngine;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> offenders = usersWithDemoPassword();
		if (!offenders.isEmpty()) {
			throw new IllegalStateException("Refusing to start: users " + offenders + " still have the demo password."
					+ " Change their passwords (Camunda Admin or REST) or run with the 'demo' profile.");
		}
	}

	List<String> usersWithDemoPassword() {
		PasswordManager passwords = ((ProcessEngineConfigurationImpl) this.processEngine
			.getProcessEngineConfiguration()).getPasswordManager();
		return this.processEngine.getIdentityService()
			.createUserQuery()
			.list()
			.stream()
			.filter(UserEntity.class::isInstance)
			.map(UserEntity.class::cast)
			.filter((user) -> user.getPassword() != null
					&& passwords.check(EncryptionUtil.saltPassword(DEMO_PASSWORD, user.getSalt()), user.getPassword()))
			.map(User::getId)
			.toList();
	}

}
