package org.sportello;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.component.page.Push;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Sportello: case management for citizen requests that cross several public
 * administrations.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
// server push: work finished outside the request (uploads, later inbox updates) reaches
// the page
@Push
public class SportelloApplication implements AppShellConfigurator {

	@Override
	public void configurePage(AppShellSettings settings) {
		settings.addFavIcon("icon", "icons/favicon.svg", "any");
	}

	public static void main(String[] args) {
		SpringApplication.run(SportelloApplication.class, args);
	}

}
