package org.sportello.web;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;

/**
 * A Camunda Form rendered in the browser by the bpmn.io form-js viewer, as the designer
 * made it in Camunda Modeler. {@link #submit()} validates in the browser and, when valid,
 * sends the data to the server ({@link SubmitEvent}), which must validate it again.
 */
@Tag("sportello-form-viewer")
@NpmPackage(value = "@bpmn-io/form-js-viewer", version = "1.23.0")
@JsModule("./form-viewer.js")
public class FormViewer extends Component implements HasSize {

	public FormViewer() {
		setWidthFull();
		// form-js's own texts (validation messages, "Select"...) follow the user's
		// language
		addAttachListener((event) -> getElement().setProperty("language", event.getUI().getLocale().getLanguage()));
	}

	/** The form JSON (schema) and the data to prefill, as JSON. */
	public void show(String schemaJson, String dataJson) {
		getElement().setProperty("data", (dataJson != null) ? dataJson : "{}");
		getElement().setProperty("schema", schemaJson);
	}

	public void submit() {
		getElement().callJsFunction("submit");
	}

	public Registration addSubmitListener(ComponentEventListener<SubmitEvent> listener) {
		return addListener(SubmitEvent.class, listener);
	}

	public Registration addInvalidListener(ComponentEventListener<InvalidEvent> listener) {
		return addListener(InvalidEvent.class, listener);
	}

	/** The browser found the data valid: here it is, as JSON. */
	@DomEvent("form-submit")
	public static class SubmitEvent extends ComponentEvent<FormViewer> {

		private final String data;

		public SubmitEvent(FormViewer source, boolean fromClient, @EventData("event.detail.data") String data) {
			super(source, fromClient);
			this.data = data;
		}

		public String data() {
			return this.data;
		}

	}

	/** The browser found errors and shows them next to the fields. */
	@DomEvent("form-invalid")
	public static class InvalidEvent extends ComponentEvent<FormViewer> {

		private final String fields;

		public InvalidEvent(FormViewer source, boolean fromClient, @EventData("event.detail.fields") String fields) {
			super(source, fromClient);
			this.fields = fields;
		}

		public String fields() {
			return this.fields;
		}

	}

}
