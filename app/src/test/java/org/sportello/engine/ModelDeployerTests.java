package org.sportello.engine;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.sportello.support.H2ApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@H2ApplicationTest
class ModelDeployerTests {

	@Autowired
	ModelDeployer deployer;

	@Autowired
	RepositoryService repositoryService;

	@Test
	void aRestartWithoutChangesMakesNoNewVersion() {
		long deployments = this.repositoryService.createDeploymentQuery()
			.deploymentSource(ModelDeployer.DEPLOYMENT_SOURCE)
			.count();
		int version = latestCitizenRequestVersion();

		this.deployer.deployFolders();
		this.deployer.deployFolders();

		assertThat(this.repositoryService.createDeploymentQuery()
			.deploymentSource(ModelDeployer.DEPLOYMENT_SOURCE)
			.count()).isEqualTo(deployments);
		assertThat(latestCitizenRequestVersion()).isEqualTo(version);
	}

	private int latestCitizenRequestVersion() {
		return this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey("citizenRequest")
			.latestVersion()
			.singleResult()
			.getVersion();
	}

}
