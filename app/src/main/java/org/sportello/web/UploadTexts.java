package org.sportello.web;

import java.util.function.Function;

import com.vaadin.flow.component.upload.UploadI18N;

/**
 * The upload component's texts in the user's language (Vaadin ships them in English
 * only): the button, the drop zone and the refusals.
 */
public final class UploadTexts {

	private UploadTexts() {
	}

	public static UploadI18N of(Function<String, String> translate) {
		UploadI18N i18n = new UploadI18N();
		i18n.setAddFiles(new UploadI18N.AddFiles().setOne(translate.apply("upload.add-one"))
			.setMany(translate.apply("upload.add-many")));
		i18n.setDropFiles(new UploadI18N.DropFiles().setOne(translate.apply("upload.drop-one"))
			.setMany(translate.apply("upload.drop-many")));
		i18n.setError(new UploadI18N.Error().setTooManyFiles(translate.apply("upload.too-many"))
			.setFileIsTooBig(translate.apply("attachment.too-large"))
			.setIncorrectFileType(translate.apply("attachment.type")));
		return i18n;
	}

}
