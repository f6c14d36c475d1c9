package org.sportello.documents;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import org.sportello.cases.AttachmentRejectedException;
import org.sportello.cases.Attachments;
import org.sportello.cases.NewAttachment;
import org.sportello.web.UploadTexts;

/**
 * The citizen's reply to a request for documents: files (checked as they arrive, kept
 * until sent), a message, one button. Used on the tracking page by the citizen and on the
 * case view by the front office; nothing is stored until the reply is sent, and a refused
 * reply keeps what was typed and uploaded.
 */
public class ReplyForm extends Composite<VerticalLayout> {

	/**
	 * Sends the reply; answers false when the page showed why it could not (the form
	 * stays as it is), throws what the service throws.
	 */
	@FunctionalInterface
	public interface Sender {

		boolean send(String message, List<NewAttachment> files);

	}

	private final transient Attachments attachments;

	private final List<NewAttachment> files = new ArrayList<>();

	private final Span accepted = new Span();

	private final Paragraph error = new Paragraph();

	public ReplyForm(String idPrefix, Attachments attachments, Sender sender) {
		this.attachments = attachments;
		VerticalLayout layout = getContent();
		layout.setPadding(false);
		layout.setId(idPrefix);
		Span label = new Span(getTranslation("documents.reply.files"));
		label.setId(idPrefix + "-files-label");
		Upload upload = new Upload();
		upload.setId(idPrefix + "-upload");
		upload.setAcceptedFileTypes("application/pdf", ".pdf", "image/png", ".png", "image/jpeg", ".jpg", ".jpeg");
		upload.setMaxFileSize((int) Attachments.MAX_BYTES);
		upload.setMaxFiles(5);
		upload.setI18n(UploadTexts.of(this::getTranslation));
		upload.getElement().setAttribute("aria-labelledby", idPrefix + "-files-label");
		upload.addFileRejectedListener((event) -> this.error.setText(getTranslation("attachment.type-or-size")));
		upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> {
			try {
				this.attachments.check(metadata.fileName(), bytes);
				this.files.add(new NewAttachment(metadata.fileName(), bytes));
				this.error.setText("");
			}
			catch (AttachmentRejectedException ex) {
				this.error.setText(getTranslation(ex.reason()) + " (" + metadata.fileName() + ")");
			}
		}));
		// the upload runs in a request of its own; this client event brings its outcome
		upload.getElement().addEventListener("upload-response", (event) -> showAccepted());
		this.accepted.setId(idPrefix + "-accepted");
		TextArea message = new TextArea(getTranslation("documents.reply.message"));
		message.setId(idPrefix + "-message");
		message.setMaxLength(2000);
		message.setWidthFull();
		message.setHelperText(getTranslation("documents.reply.message-help"));
		this.error.setId(idPrefix + "-error");
		this.error.getElement().setAttribute("role", "alert");
		this.error.getStyle().set("color", "var(--lumo-error-text-color)");
		Button send = new Button(getTranslation("documents.reply.send"));
		send.setId(idPrefix + "-send");
		send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		// one reply per click: the button waits for the server's answer
		send.setDisableOnClick(true);
		send.addClickListener((click) -> {
			boolean sent = false;
			try {
				this.error.setText("");
				sent = sender.send(message.getValue(), List.copyOf(this.files));
			}
			catch (ReplyRefusedException ex) {
				this.error.setText(getTranslation(
						(ex.field() == null) ? "documents.reply.not-waiting" : "documents.reply.invalid"));
			}
			catch (AttachmentRejectedException ex) {
				this.error.setText(getTranslation(ex.reason()));
			}
			finally {
				send.setEnabled(!sent);
			}
		});
		layout.add(label, upload, this.accepted, message, send, this.error);
	}

	private void showAccepted() {
		this.accepted.setText(this.files.isEmpty() ? "" : getTranslation("documents.reply.attached",
				String.join(", ", this.files.stream().map(NewAttachment::fileName).toList())));
	}

}
