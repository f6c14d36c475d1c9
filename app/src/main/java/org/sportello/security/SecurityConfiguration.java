package org.sportello.security;

import java.io.IOException;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.sportello.security.ui.LoginView;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

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

	/**
	 * Our pages: Vaadin needs inline scripts, {@code eval} (its client runs
	 * {@code executeJs} through {@code new Function}) and inline styles; everything else
	 * comes from this origin. Pages may be framed by this origin only.
	 */
	static final String VIEWS_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
			+ "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

	/** JSON and TwiML answers are never rendered, framed or allowed to load anything. */
	static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
			+ "interest-cohort=()";

	/**
	 * Security headers of our surfaces (Cockpit and Admin send Camunda's own): CSP,
	 * Referrer-Policy (the tracking page's address carries a tracking code: it never
	 * leaves the site), Permissions-Policy, framing; HSTS whenever the request came over
	 * HTTPS (behind a proxy: {@code server.forward-headers-strategy=native}).
	 */
	static void securityHeaders(HttpSecurity http, String csp) throws Exception {
		http.headers((headers) -> headers.contentSecurityPolicy((policy) -> policy.policyDirectives(csp))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.frameOptions((frames) -> frames.sameOrigin())
			.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)));
	}

	/**
	 * A request the firewall refuses (a doubled slash, a path parameter, an encoded
	 * dot...) is the client's mistake: 400, not 500.
	 */
	/**
	 * No observation around each of Spring Security's filters: they cost a tenth of
	 * opening a case through the API (issue #19, ADR 0027), and nothing reads them (no
	 * tracing; only the health endpoint is exposed).
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return new ProblemRequestRejectedHandler();
	}

	@Bean
	@Order(1)
	SecurityFilterChain engineRestChain(HttpSecurity http) throws Exception {
		securityHeaders(http, API_CSP);
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
	 * The citizen's side: the public tracking API, Twilio's webhooks and the email
	 * unsubscribe link; other installations' signed messages and civic apps' Open311
	 * requests. No login; the services answer wrong code/PIN pairs identically and
	 * rate-limit them, the webhooks check Twilio's signature, peers' messages their
	 * Ed25519 signature, Open311 requests their api_key. No session either, hence no
	 * CSRF.
	 */
	@Bean
	@Order(3)
	SecurityFilterChain publicChain(HttpSecurity http) throws Exception {
		securityHeaders(http, API_CSP);
		http.securityMatcher(new OrRequestMatcher(PATHS.matcher("/api/public/**"), PATHS.matcher("/sms/**"),
				PATHS.matcher("/email/**"), PATHS.matcher("/api/exchange/v1/**"), PATHS.matcher("/open311/**")))
			.authorizeHttpRequests((auth) -> auth.anyRequest().permitAll())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	/**
	 * Administrators configure peers, Open311 clients and watch the exchange outbox by
	 * API too (HTTP Basic, as the case API).
	 */
	@Bean
	@Order(4)
	SecurityFilterChain exchangeAdminChain(HttpSecurity http) throws Exception {
		securityHeaders(http, API_CSP);
		http.securityMatcher(new OrRequestMatcher(PATHS.matcher("/api/exchange/**"), PATHS.matcher("/api/open311/**")))
			.authorizeHttpRequests((auth) -> auth.anyRequest().hasRole(Roles.ADMIN))
			.httpBasic((basic) -> basic.realmName("Sportello"))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	/**
	 * The OpenAPI description and its UI: for designers and administrators, signed in
	 * through the login page (the UI's page needs its own scripts and styles).
	 */
	@Bean
	@Order(4)
	SecurityFilterChain openApiChain(HttpSecurity http) throws Exception {
		http.securityMatcher(new OrRequestMatcher(PATHS.matcher("/v3/api-docs"), PATHS.matcher("/v3/api-docs/**"),
				PATHS.matcher("/swagger-ui.html"), PATHS.matcher("/swagger-ui/**")))
			.authorizeHttpRequests((auth) -> auth.anyRequest().hasAnyRole(Roles.DESIGNER, Roles.ADMIN))
			.httpBasic((basic) -> basic.realmName("Sportello"))
			.exceptionHandling((ex) -> ex.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint("/login"), PATHS.matcher("/swagger-ui/**")))
			// read-only pages and documents: GET only, nothing for CSRF to ride on
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(5)
	SecurityFilterChain caseApiChain(HttpSecurity http) throws Exception {
		securityHeaders(http, API_CSP);
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
	@Order(6)
	SecurityFilterChain vaadinChain(HttpSecurity http, RequestUtil vaadinRequests) throws Exception {
		securityHeaders(http, VIEWS_CSP);
		http.authorizeHttpRequests((auth) -> auth
			.requestMatchers(PATHS.matcher("/actuator/health"), PATHS.matcher("/actuator/health/**"),
					PATHS.matcher("/error"), PATHS.matcher("/images/**"))
			.permitAll());
		// Vaadin would exempt the login form from CSRF protection, which lets another
		// site
		// sign a browser in as someone else (login CSRF). The form sends Spring's token
		// (the
		// page carries it in meta tags), so only Vaadin's own requests, which carry
		// Vaadin's token, are exempt.
		http.csrf((csrf) -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
		http.with(VaadinSecurityConfigurer.vaadin(),
				(vaadin) -> vaadin.loginView(LoginView.class).enableCsrfConfiguration(false));
		return http.build();
	}

	/**
	 * The firewall's checks (doubled slashes, path parameters, encoded dots and
	 * slashes...) before any other filter: some of Spring's filters parse the path before
	 * Spring Security's own firewall runs, and answer such paths with 500. They are the
	 * client's mistake: 400 in problem+json.
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> firewalledPaths(RequestRejectedHandler rejected) {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				try {
					firewall.getFirewalledRequest(request);
				}
				catch (RequestRejectedException ex) {
					rejected.handle(request, response, ex);
					return;
				}
				chain.doFilter(request, response);
			}
		});
		registration.setName("sportello-firewalled-paths");
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * {@code /error} is where the container forwards errors; asked for directly it has no
	 * error to show and would answer 500. It is not a page: 404.
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> directErrorRequests() {
		var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				response.sendError(HttpServletResponse.SC_NOT_FOUND);
			}
		});
		registration.setName("sportello-direct-error-requests");
		registration.addUrlPatterns("/error", "/error/*");
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
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
