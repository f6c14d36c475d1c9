package org.sportello.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models of the repository folders {@code processes/}, {@code decisions/} and
 * {@code forms/} (put on the classpath by the build) at every start. Duplicate filtering
 * with "changed only": a restart without changes makes no new version, and a changed file
 * makes a new version of that model alone, not of every model.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ModelDeployer implements ApplicationRunner {

	static final String DEPLOYMENT_NAME = "sportello-models";

	static final String DEPLOYMENT_SOURCE = "sportello-folders";

	private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

	private static final List<String> PATTERNS = List.of("classpath*:processes/*.bpmn", "classpath*:decisions/*.dmn",
			"classpath*:forms/*.form");

	private final RepositoryService repositoryService;

	private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

	ModelDeployer(RepositoryService repositoryService) {
		this.repositoryService = repositoryService;
	}

	@Override
	public void run(ApplicationArguments args) {
		deployFolders();
	}

	/**
	 * Deploys what changed; answers the deployment, or {@code null} when nothing changed.
	 */
	DeploymentWithDefinitions deployFolders() {
		DeploymentBuilder builder = this.repositoryService.createDeployment()
			.name(DEPLOYMENT_NAME)
			.source(DEPLOYMENT_SOURCE)
			.enableDuplicateFiltering(true);
		List<String> names = new ArrayList<>();
		for (Resource resource : modelResources()) {
			String name = folderOf(resource) + "/" + resource.getFilename();
			try (InputStream in = resource.getInputStream()) {
				builder.addInputStream(name, new ByteArrayInputStream(in.readAllBytes()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read model " + name, ex);
			}
			names.add(name);
		}
		if (names.isEmpty()) {
			log.warn("No models found in processes/, decisions/ or forms/");
			return null;
		}
		DeploymentWithDefinitions deployment = builder.deployWithResult();
		log.info("Models checked for deployment: {}", names);
		return deployment;
	}

	private List<Resource> modelResources() {
		List<Resource> resources = new ArrayList<>();
		for (String pattern : PATTERNS) {
			try {
				resources.addAll(List.of(this.resolver.getResources(pattern)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot list models " + pattern, ex);
			}
		}
		resources.sort(Comparator.comparing(Resource::getFilename));
		return resources;
	}

	private static String folderOf(Resource resource) {
		String name = resource.getFilename();
		if (name.endsWith(".bpmn")) {
			return "processes";
		}
		return name.endsWith(".dmn") ? "decisions" : "forms";
	}

}
