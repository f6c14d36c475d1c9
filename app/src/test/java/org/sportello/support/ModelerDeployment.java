package org.sportello.support;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * The request Camunda Modeler sends to deploy:
 * {@code POST /engine-rest/deployment/create}, multipart, with fields
 * {@code deployment-name}, {@code deployment-source}, {@code enable-duplicate-filtering}
 * and one part per model file.
 */
public final class ModelerDeployment {

	private final Multipart body = new Multipart();

	public ModelerDeployment(String deploymentName) {
		this.body.field("deployment-name", deploymentName)
			.field("deployment-source", "Camunda Modeler")
			.field("enable-duplicate-filtering", "true");
	}

	public ModelerDeployment file(String fileName, String content) {
		this.body.file(fileName, fileName, "application/octet-stream", content.getBytes(StandardCharsets.UTF_8));
		return this;
	}

	/** The request, with HTTP Basic credentials when a user is given. */
	public HttpRequest.Builder request(WebSession session, String user, String password) {
		HttpRequest.Builder request = this.body.post(session.uri("/engine-rest/deployment/create"))
			.header("Accept", "application/json");
		if (user != null) {
			request.header("Authorization", WebSession.basic(user, password));
		}
		return request;
	}

	/** A minimal executable process with the given id, as a designer would draw it. */
	public static String process(String processId, String name) {
		return definitions(processId, name, """
				    <bpmn:startEvent id="start"/>
				    <bpmn:sequenceFlow id="flow" sourceRef="start" targetRef="end"/>
				    <bpmn:endEvent id="end"/>
				""");
	}

	/**
	 * A process whose one user task {@code reviewTask} shows the form {@code formRef}.
	 */
	public static String processWithForm(String processId, String formRef) {
		return definitions(processId, "Prova modulo", """
				    <bpmn:startEvent id="start"/>
				    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="reviewTask"/>
				    <bpmn:userTask id="reviewTask" name="Esame" camunda:formRef="%s" camunda:formRefBinding="latest"/>
				    <bpmn:sequenceFlow id="f2" sourceRef="reviewTask" targetRef="end"/>
				    <bpmn:endEvent id="end"/>
				""".formatted(formRef));
	}

	private static String definitions(String processId, String name, String elements) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs_%1$s" targetNamespace="http://sportello.org/test">
				  <bpmn:process id="%1$s" name="%2$s" isExecutable="true" camunda:historyTimeToLive="P30D">
				%3$s  </bpmn:process>
				</bpmn:definitions>
				"""
			.formatted(processId, name, elements);
	}

}
