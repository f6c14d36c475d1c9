package org.sportello.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both languages have the same texts (the idea of spring-petclinic's
 * I18nPropertiesSyncTest): the same keys, no empty text, the same placeholders; the base
 * bundle stays empty, so that a missing key shows as such instead of falling back to the
 * other language.
 */
class TranslationsTests {

	@Test
	void italianAndEnglishHaveTheSameKeysAndPlaceholders() throws IOException {
		Properties italian = load("translations_it.properties");
		Properties english = load("translations_en.properties");
		assertThat(english.stringPropertyNames()).isEqualTo(italian.stringPropertyNames());
		List<String> mismatches = new ArrayList<>();
		for (String key : italian.stringPropertyNames()) {
			assertThat(italian.getProperty(key)).as(key).isNotBlank();
			assertThat(english.getProperty(key)).as(key).isNotBlank();
			if (!placeholders(italian.getProperty(key)).equals(placeholders(english.getProperty(key)))) {
				mismatches.add(key);
			}
		}
		assertThat(mismatches).as("keys whose placeholders differ").isEmpty();
		assertThat(load("translations.properties")).isEmpty();
	}

	private static List<String> placeholders(String text) {
		List<String> found = new ArrayList<>();
		Matcher matcher = Pattern.compile("\\{(\\d+)}").matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found.stream().sorted().distinct().toList();
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = TranslationsTests.class.getResourceAsStream("/vaadin-i18n/" + name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
