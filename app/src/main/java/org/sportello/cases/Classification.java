package org.sportello.cases;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The network's uniform classification: the class of each topic, and the outcome class
 * the front office records when it closes a case (from a shared list administrators keep:
 * entries are renamed or retired, never deleted, so that past cases keep theirs).
 */
@Service
public class Classification {

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

	private final ClassificationMapper mapper;

	private final ApplicationEventPublisher events;

	Classification(ClassificationMapper mapper, ApplicationEventPublisher events) {
		this.mapper = mapper;
		this.events = events;
	}

	/** Every outcome class, retired ones too (for labels of past cases). */
	public List<ClassLabel> outcomeClasses() {
		return this.mapper.outcomeClasses();
	}

	/** The outcome classes a user may choose now. */
	public List<ClassLabel> activeOutcomeClasses() {
		return this.mapper.outcomeClasses().stream().filter(ClassLabel::active).toList();
	}

	public List<ClassLabel> topicClasses() {
		return this.mapper.topicClasses();
	}

	/** Whether the code is an outcome class one may choose now. */
	public boolean isActiveOutcome(String code) {
		return code != null && activeOutcomeClasses().stream().anyMatch((entry) -> entry.code().equals(code));
	}

	/**
	 * Records the case's outcome class, in the caller's transaction (the closure's);
	 * refuses a code that is not an active class with {@link IllegalArgumentException}.
	 */
	@Transactional
	public void recordOutcome(String caseId, String code) {
		if (!isActiveOutcome(code)) {
			throw new IllegalArgumentException("Not an active outcome class: " + code);
		}
		this.mapper.recordOutcome(caseId, code);
		this.events.publishEvent(new CaseChanged(caseId));
	}

	/**
	 * Adds an outcome class or changes one (labels, retired or not); codes are upper case
	 * letters, digits and underscores.
	 */
	@Transactional
	public void saveOutcomeClass(String code, String labelIt, String labelEn, boolean active) {
		String it = FreeText.normalizeToNull(labelIt);
		String en = FreeText.normalizeToNull(labelEn);
		if (code == null || !CODE.matcher(code).matches()) {
			throw new IllegalArgumentException("code");
		}
		if (it == null || en == null || it.length() > 200 || en.length() > 200) {
			throw new IllegalArgumentException((it == null || it.length() > 200) ? "labelIt" : "labelEn");
		}
		int position = this.mapper.outcomeClasses().stream().mapToInt(ClassLabel::position).max().orElse(0) + 10;
		ClassLabel entry = new ClassLabel(code, it, en, position, active);
		if (this.mapper.updateOutcomeClass(entry) == 0) {
			this.mapper.insertOutcomeClass(entry);
		}
	}

}
