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

	/**
	 * Texts with placeholders go through MessageFormat, where a single apostrophe starts
	 * a quotation and the rest of the text disappears ("l'attività {0}" shows "lattività
	 * {0}"): those texts must double it.
	 */
	@Test
	void textsWithPlaceholdersDoubleTheirApostrophes() throws IOException {
		List<String> wrong = new ArrayList<>();
		for (String bundle : List.of("translations_it.properties", "translations_en.properties")) {
			Properties texts = load(bundle);
			for (String key : texts.stringPropertyNames()) {
				String text = texts.getProperty(key);
				if (!placeholders(text).isEmpty() && text.replace("''", "").contains("'")) {
					wrong.add(bundle + ": " + key);
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	/**
	 * Every text a user reads in the shipped Camunda Forms (labels, descriptions, option
	 * labels) has its English text in forms/texts.en.json.
	 */
	@Test
	void everyTextOfTheShippedFormsHasItsEnglishText() throws IOException {
		com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
		com.fasterxml.jackson.databind.JsonNode english;
		try (InputStream in = TranslationsTests.class.getResourceAsStream("/forms/texts.en.json")) {
			english = json.readTree(in);
		}
		List<String> missing = new ArrayList<>();
		org.springframework.core.io.Resource[] forms = new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
			.getResources("classpath*:forms/*.form");
		assertThat(forms).isNotEmpty();
		for (org.springframework.core.io.Resource form : forms) {
			try (InputStream in = form.getInputStream()) {
				collectTexts(json.readTree(in), missing, english);
			}
		}
		assertThat(missing).as("form texts without English").isEmpty();
	}

	private static void collectTexts(com.fasterxml.jackson.databind.JsonNode node, List<String> missing,
			com.fasterxml.jackson.databind.JsonNode english) {
		for (String field : List.of("label", "description", "dateLabel", "timeLabel", "text", "placeholder")) {
			com.fasterxml.jackson.databind.JsonNode value = node.get(field);
			if (value != null && value.isTextual() && !english.has(value.asText())) {
				missing.add(value.asText());
			}
		}
		node.forEach((child) -> collectTexts(child, missing, english));
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
