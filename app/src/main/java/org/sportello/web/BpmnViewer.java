package org.sportello.web;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.internal.JsonUtils;
import com.vaadin.flow.shared.Registration;

/**
 * A read-only BPMN diagram, drawn in the browser by bpmn-js (npm package, bpmn.io).
 */
@Tag("sportello-bpmn-viewer")
@NpmPackage(value = "bpmn-js", version = "18.31.1")
@JsModule("./bpmn-viewer.js")
public class BpmnViewer extends Component implements HasSize {

	public BpmnViewer() {
		setWidthFull();
		setHeight("480px");
	}

	/** Shows the diagram of this BPMN 2.0 XML. */
	public void setXml(String bpmnXml) {
		getElement().setProperty("xml", bpmnXml);
	}

	/** Highlights these flow nodes (ids from the BPMN file); unknown ids are ignored. */
	public void setHighlighted(List<String> flowNodeIds) {
		getElement().setPropertyJson("highlighted", JsonUtils.listToJson(flowNodeIds));
	}

	public Registration addRenderedListener(ComponentEventListener<RenderedEvent> listener) {
		return addListener(RenderedEvent.class, listener);
	}

	public Registration addErrorListener(ComponentEventListener<ErrorEvent> listener) {
		return addListener(ErrorEvent.class, listener);
	}

	/** The diagram has been drawn. */
	@DomEvent("diagram-rendered")
	public static class RenderedEvent extends ComponentEvent<BpmnViewer> {

		public RenderedEvent(BpmnViewer source, boolean fromClient) {
			super(source, fromClient);
		}

	}

	/** The XML could not be drawn. */
	@DomEvent("diagram-error")
	public static class ErrorEvent extends ComponentEvent<BpmnViewer> {

		private final String message;

		public ErrorEvent(BpmnViewer source, boolean fromClient, @EventData("event.detail.message") String message) {
			super(source, fromClient);
			this.message = message;
		}

		public String getMessage() {
			return this.message;
		}

	}

}
