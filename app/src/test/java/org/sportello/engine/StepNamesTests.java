package org.sportello.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;
import org.sportello.support.H2ApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The process steps' names in the reader's language, from the models' {@code name.en}.
 */
@H2ApplicationTest
class StepNamesTests {

	@Autowired
	StepNames steps;

	@Autowired
	RepositoryService repositoryService;

	@Test
	void theShippedStepsHaveTheirEnglishNamesAndItalianStaysAsWritten() {
		assertThat(this.steps.of("Valutazione front office", Locale.ENGLISH)).isEqualTo("Front-office assessment");
		assertThat(this.steps.of("Lavorazione back office", Locale.UK)).isEqualTo("Back-office work");
		assertThat(this.steps.of("Rivedere l'articolo", Locale.ENGLISH)).isEqualTo("Review the article");
		assertThat(this.steps.of("Valutazione front office", Locale.ITALIAN)).isEqualTo("Valutazione front office");
		assertThat(this.steps.of("Un passo che nessun modello ha", Locale.ENGLISH))
			.isEqualTo("Un passo che nessun modello ha");
		assertThat(this.steps.of(null, Locale.ENGLISH)).isNull();
		// a label Modeler wrapped on two lines
		assertThat(this.steps.of("Valutazione\nfront office", Locale.ENGLISH)).isEqualTo("Front-office assessment");
	}

	@Test
	void aTimelineDetailKeepsWhatFollowsTheStepsName() {
		assertThat(this.steps.ofDetail("Lavorazione back office: pratica verificata, nessun documento mancante",
				Locale.ENGLISH))
			.isEqualTo("Back-office work: pratica verificata, nessun documento mancante");
		assertThat(this.steps.ofDetail("Richiesta ricevuta", Locale.ENGLISH)).isEqualTo("Request received");
		assertThat(this.steps.ofDetail("Testo del cittadino: con due punti", Locale.ENGLISH))
			.isEqualTo("Testo del cittadino: con due punti");
	}

	/**
	 * Whatever a designer adds to our models, an English reader never meets an Italian
	 * task, nor an Italian step on the timeline: every user task and every step that
	 * changes the citizen's status has its {@code name.en}.
	 */
	@Test
	void everyTaskAndStatusStepOfOurModelsIsNamedInEnglish() throws java.io.IOException {
		List<String> missing = new ArrayList<>();
		org.springframework.core.io.Resource[] models = new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
			.getResources("classpath:processes/*.bpmn");
		assertThat(models).hasSizeGreaterThanOrEqualTo(3);
		for (org.springframework.core.io.Resource resource : models) {
			try (java.io.InputStream in = resource.getInputStream()) {
				BpmnModelInstance model = Bpmn.readModelFromStream(in);
				for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
					boolean shown = element instanceof UserTask || !property(element, "citizenStatus").isEmpty();
					if (shown && property(element, "name.en").isBlank()) {
						missing.add(resource.getFilename() + "/" + element.getId());
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void aModelDeployedOnThisNodeIsReadAtOnce() {
		assertThat(this.steps.of("Passo di prova", Locale.ENGLISH)).isEqualTo("Passo di prova");
		BpmnModelInstance model = Bpmn.createExecutableProcess("stepNamesProbe")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.userTask("probe")
			.name("Passo di prova")
			.endEvent()
			.done();
		// as Camunda Modeler writes it: Extension properties, name.en
		CamundaProperty english = model.newInstance(CamundaProperty.class);
		english.setCamundaName("name.en");
		english.setCamundaValue("Probe step");
		CamundaProperties properties = model.newInstance(CamundaProperties.class);
		properties.addChildElement(english);
		org.camunda.bpm.model.bpmn.instance.ExtensionElements extensions = model
			.newInstance(org.camunda.bpm.model.bpmn.instance.ExtensionElements.class);
		extensions.addChildElement(properties);
		((UserTask) model.getModelElementById("probe")).setExtensionElements(extensions);
		Deployment deployment = this.repositoryService.createDeployment()
			.addModelInstance("step-names-probe.bpmn", model)
			.deploy();
		try {
			assertThat(this.steps.of("Passo di prova", Locale.ENGLISH)).isEqualTo("Probe step");
		}
		finally {
			this.repositoryService.deleteDeployment(deployment.getId(), true);
		}
	}

	private static String property(FlowElement element, String name) {
		if (element.getExtensionElements() == null) {
			return "";
		}
		return element.getExtensionElements()
			.getChildElementsByType(CamundaProperties.class)
			.stream()
			.flatMap((properties) -> properties.getCamundaProperties().stream())
			.filter((property) -> name.equals(property.getCamundaName()))
			.map(CamundaProperty::getCamundaValue)
			.findFirst()
			.orElse("");
	}

}
