package org.sportello.engine;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A citizen request is a case first and a process second: its process is started by the
 * intake ({@code POST /api/cases}) with the case it belongs to. Started through engine
 * REST (by a designer or administrator) it would have no case, and the engine would
 * answer 500. That is the caller's mistake, so it is refused before the engine runs: 400,
 * naming the process. Other processes start through engine REST as usual.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestStartGuard {

	/** The process of a citizen's case (processes/citizen-request.bpmn). */
	static final String CASE_PROCESS = "citizenRequest";

	/** {@code .../process-definition/key/{key}[/tenant-id/{t}]/start|submit-form}. */
	private static final Pattern BY_KEY = Pattern.compile(
			"^/engine-rest(?:/engine/[^/]+)?/process-definition/key/([^/]+)(?:/tenant-id/[^/]+)?/(?:start|submit-form)$");

	/** {@code .../process-definition/{id}/start|submit-form}. */
	private static final Pattern BY_ID = Pattern
		.compile("^/engine-rest(?:/engine/[^/]+)?/process-definition/([^/]+)/(?:start|submit-form)$");

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> engineRestStartGuardFilter(
			ObjectProvider<RepositoryService> repositories) {
		// filters are made before the other beans: asking for the engine here would build
		// it
		// before Flyway made our tables, so it is looked up at the first request
		var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				if ("POST".equals(request.getMethod())
						&& CASE_PROCESS.equals(processKey(request.getRequestURI(), repositories.getObject()))) {
					response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
					response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
					response.getWriter()
						.write("{\"type\":\"about:blank\",\"title\":\"Invalid request\",\"status\":400,"
								+ "\"detail\":\"Process " + CASE_PROCESS
								+ " starts with its case: open the case with POST /api/cases\","
								+ "\"errors\":[{\"field\":\"processDefinitionKey\",\"code\":\"opened-by-intake\"}]}");
					return;
				}
				chain.doFilter(request, response);
			}
		});
		registration.setName("sportello-engine-rest-start-guard");
		registration.addUrlPatterns("/engine-rest/*");
		return registration;
	}

	static String processKey(String path, RepositoryService repository) {
		Matcher byKey = BY_KEY.matcher(path);
		if (byKey.matches()) {
			return byKey.group(1);
		}
		Matcher byId = BY_ID.matcher(path);
		if (byId.matches() && !"key".equals(byId.group(1))) {
			ProcessDefinition definition = repository.createProcessDefinitionQuery()
				.processDefinitionId(byId.group(1))
				.singleResult();
			return (definition != null) ? definition.getKey() : null;
		}
		return null;
	}

}
