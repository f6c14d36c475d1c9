package org.sportello.engine;

import java.time.Instant;

/**
 * One deployed model, as the Models page lists it.
 *
 * @param kind process, decision or form
 * @param id the engine's definition id (for forms: deployment id and resource name)
 * @param key the model's key (BPMN process id, DMN decision id, form id)
 * @param name the model's name, or its key when it has none
 * @param version the engine's version number of this key
 * @param resourceName the file name in its deployment
 * @param deploymentId the deployment that brought it
 * @param deployedAt when that deployment was made
 */
public record DeployedModel(Kind kind, String id, String key, String name, int version, String resourceName,
		String deploymentId, Instant deployedAt) {

	public enum Kind {

		PROCESS, DECISION, FORM

	}

}
