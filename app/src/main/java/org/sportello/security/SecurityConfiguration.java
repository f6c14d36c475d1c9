package org.sportello.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.sportello.security.ui.LoginView;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * One login for everything. Four filter chains, most specific first:
 * <ol>
 * <li>{@code /engine-rest/**}: HTTP Basic, stateless, designers and administrators only
 * (Camunda Modeler deploys with a user name and password);</li>
 * <li>{@code /camunda/**}: Cockpit and Admin, same session as the Vaadin views, designers
 * and administrators only;</li>
 * <li>everything else: the Vaadin views with their own access annotations.</li>
 * </ol>
 * The engine paths are Jersey and plain servlet paths, not Spring MVC ones: they are
 * matched with {@link PathPatternRequestMatcher}, which does not depend on the dispatcher
 * servlet.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

	private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

	@Bean
	@Order(1)
	SecurityFilterChain engineRestChain(HttpSecurity http) throws Exception {
		http.securityMatcher(PATHS.matcher("/engine-rest/**"))
			.authorizeHttpRequests((auth) -> auth.anyRequest().hasAnyRole(Roles.DESIGNER, Roles.ADMIN))
			.httpBasic((basic) -> basic.realmName("Sportello"))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// machine-to-machine with credentials on every request: no session, so no
			// CSRF
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain camundaWebappChain(HttpSecurity http) throws Exception {
		http.securityMatcher(PATHS.matcher("/camunda/**"))
			.authorizeHttpRequests((auth) -> auth.anyRequest().hasAnyRole(Roles.DESIGNER, Roles.ADMIN))
			.exceptionHandling((ex) -> ex.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
			// Cockpit and Admin carry their own CSRF prevention filter (X-XSRF-TOKEN);
			// a second, different token scheme would break them.
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	/**
	 * The citizen's side: the public tracking API and Twilio's webhooks. No login; the
	 * services answer wrong code/PIN pairs identically and rate-limit them, and the
	 * webhooks check Twilio's signature. No session either, hence no CSRF.
	 */
	@Bean
	@Order(3)
	SecurityFilterChain publicChain(HttpSecurity http) throws Exception {
		http.securityMatcher(new OrRequestMatcher(PATHS.matcher("/api/public/**"), PATHS.matcher("/sms/**")))
			.authorizeHttpRequests((auth) -> auth.anyRequest().permitAll())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(4)
	SecurityFilterChain caseApiChain(HttpSecurity http) throws Exception {
		http.securityMatcher(PATHS.matcher("/api/**"))
			.authorizeHttpRequests((auth) -> auth.requestMatchers(PATHS.matcher("/api/topics"))
				.authenticated()
				.anyRequest()
				.hasAnyRole(Roles.FO, Roles.BO, Roles.SUPERVISOR, Roles.ADMIN))
			.httpBasic((basic) -> basic.realmName("Sportello"))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// credentials on every request, no session cookie: nothing for CSRF to ride
			// on
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(5)
	SecurityFilterChain vaadinChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((auth) -> auth
			.requestMatchers(PATHS.matcher("/actuator/health"), PATHS.matcher("/actuator/health/**"),
					PATHS.matcher("/error"), PATHS.matcher("/images/**"))
			.permitAll());
		http.with(VaadinSecurityConfigurer.vaadin(), (vaadin) -> vaadin.loginView(LoginView.class));
		return http.build();
	}

	/**
	 * Tells the engine who calls the REST API, so that Camunda's own authorization checks
	 * apply to the user Spring Security authenticated.
	 */
	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
		var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
		registration.setName("sportello-engine-rest-authentication");
		registration.addInitParameter("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());
		registration.addUrlPatterns("/engine-rest/*");
		return registration;
	}

	/** Single sign-on into Cockpit and Admin with the Spring Security session. */
	@Bean
	FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappAuthentication() {
		var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
		registration.setName("sportello-camunda-webapp-sso");
		registration.addInitParameter("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());
		registration.addUrlPatterns("/camunda/*");
		return registration;
	}

}
