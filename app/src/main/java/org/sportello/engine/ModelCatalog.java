package org.sportello.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.sportello.engine.DeployedModel.Kind;

import org.springframework.stereotype.Service;

/**
 * What is deployed on the engine: process, decision and form definitions with their
 * versions. Camunda 7 has no public query for Camunda Forms, so forms are read from the
 * deployments' resources and numbered in deployment order, as the engine does.
 */
@Service
public class ModelCatalog {

	/** The Models page shows at most this many deployments' forms. */
	private static final int MAX_DEPLOYMENTS = 500;

	private final RepositoryService repositoryService;

	ModelCatalog(RepositoryService repositoryService) {
		this.repositoryService = repositoryService;
	}

	/** Every deployed model, newest version first within each key. */
	public List<DeployedModel> models() {
		Map<String, Deployment> deployments = this.repositoryService.createDeploymentQuery()
			.orderByDeploymentTime()
			.asc()
			.listPage(0, MAX_DEPLOYMENTS)
			.stream()
			.collect(Collectors.toMap(Deployment::getId, Function.identity()));
		List<DeployedModel> models = new ArrayList<>();
		for (ProcessDefinition definition : this.repositoryService.createProcessDefinitionQuery().list()) {
			models.add(new DeployedModel(Kind.PROCESS, definition.getId(), definition.getKey(),
					nameOrKey(definition.getName(), definition.getKey()), definition.getVersion(),
					definition.getResourceName(), definition.getDeploymentId(),
					deployedAt(deployments, definition.getDeploymentId())));
		}
		for (DecisionDefinition definition : this.repositoryService.createDecisionDefinitionQuery().list()) {
			models.add(new DeployedModel(Kind.DECISION, definition.getId(), definition.getKey(),
					nameOrKey(definition.getName(), definition.getKey()), definition.getVersion(),
					definition.getResourceName(), definition.getDeploymentId(),
					deployedAt(deployments, definition.getDeploymentId())));
		}
		models.addAll(forms(deployments.values()));
		models.sort(Comparator.comparing(DeployedModel::kind)
			.thenComparing(DeployedModel::key)
			.thenComparing(DeployedModel::version, Comparator.reverseOrder()));
		return models;
	}

	/** The BPMN XML of a process definition, for the diagram viewer. */
	public Optional<String> bpmnXml(String processDefinitionId) {
		return text(() -> this.repositoryService.getProcessModel(processDefinitionId));
	}

	/** The JSON of a deployed form ({@link DeployedModel#id()} of a form). */
	public Optional<String> formJson(DeployedModel form) {
		return text(() -> this.repositoryService.getResourceAsStream(form.deploymentId(), form.resourceName()));
	}

	/** A model file as text; empty when the engine no longer has it. */
	private static Optional<String> text(java.util.function.Supplier<InputStream> model) {
		try (InputStream in = model.get()) {
			return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (org.camunda.bpm.engine.exception.NotFoundException
				| org.camunda.bpm.engine.exception.NullValueException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private List<DeployedModel> forms(java.util.Collection<Deployment> deployments) {
		List<Deployment> ordered = deployments.stream()
			.sorted(Comparator.comparing(Deployment::getDeploymentTime))
			.toList();
		Map<String, Integer> versions = new HashMap<>();
		List<DeployedModel> forms = new ArrayList<>();
		for (Deployment deployment : ordered) {
			for (Resource resource : this.repositoryService.getDeploymentResources(deployment.getId())) {
				if (resource.getName().endsWith(".form")) {
					String key = formKey(resource.getName());
					int version = versions.merge(key, 1, Integer::sum);
					forms.add(new DeployedModel(Kind.FORM, deployment.getId() + "/" + resource.getName(), key, key,
							version, resource.getName(), deployment.getId(),
							deployment.getDeploymentTime().toInstant()));
				}
			}
		}
		return forms;
	}

	private static String formKey(String resourceName) {
		String file = resourceName.substring(resourceName.lastIndexOf('/') + 1);
		return file.substring(0, file.length() - ".form".length());
	}

	private static String nameOrKey(String name, String key) {
		return (name == null || name.isBlank()) ? key : name;
	}

	private static Instant deployedAt(Map<String, Deployment> deployments, String deploymentId) {
		Deployment deployment = deployments.get(deploymentId);
		return (deployment != null) ? deployment.getDeploymentTime().toInstant() : null;
	}

}
