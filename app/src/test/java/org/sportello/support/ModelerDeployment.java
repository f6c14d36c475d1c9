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
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs_%1$s" targetNamespace="http://sportello.org/test">
				  <bpmn:process id="%1$s" name="%2$s" isExecutable="true" camunda:historyTimeToLive="P30D">
				    <bpmn:startEvent id="start"/>
				    <bpmn:sequenceFlow id="flow" sourceRef="start" targetRef="end"/>
				    <bpmn:endEvent id="end"/>
				  </bpmn:process>
				</bpmn:definitions>
				"""
			.formatted(processId, name);
	}

}
