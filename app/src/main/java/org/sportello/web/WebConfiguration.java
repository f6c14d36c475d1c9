package org.sportello.web;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	NavigationRegistry navigationRegistry(List<NavigationRegistry.Contribution> contributions) {
		return new NavigationRegistry(contributions);
	}

}
