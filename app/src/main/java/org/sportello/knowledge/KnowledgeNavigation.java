package org.sportello.knowledge;

import java.util.List;

import org.sportello.knowledge.ui.KnowledgeEditorView;
import org.sportello.knowledge.ui.KnowledgeMeasuresView;
import org.sportello.web.NavigationRegistry;

import org.springframework.stereotype.Component;

@Component
class KnowledgeNavigation implements NavigationRegistry.Contribution {

	@Override
	public List<NavigationRegistry.Entry> entries() {
		return List.of(new NavigationRegistry.Entry(KnowledgeEditorView.class, "nav.kb", 400),
				new NavigationRegistry.Entry(KnowledgeMeasuresView.class, "nav.kb-measures", 410));
	}

}
