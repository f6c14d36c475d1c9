package org.sportello.tasklist;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.sportello.cases.Channel;
import org.sportello.cases.OpenedCase;
import org.sportello.intake.IntakeRequest;
import org.sportello.intake.IntakeService;
import org.sportello.sla.SlaState;
import org.sportello.support.H2ApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Task actions and inboxes in the application: a claim that lost the race is a clear
 * conflict, invalid form data never reaches the engine, assignment and delegation stay
 * within the task's office, the inbox tabs and filters find the right tasks.
 */
@H2ApplicationTest
class TaskActionsTests {

	@Autowired
	IntakeService intake;

	@Autowired
	TaskActions actions;

	@Autowired
	Inbox inbox;

	@Autowired
	TaskService engineTasks;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void secondClaimIsAConflictNamingWhoHasIt() {
		String taskId = forwardedTask("HEALTH_BOOKING", "Sulmona");
		joinOffice("bo-hub", "regione-bo");
		this.actions.claim(taskId, "bo-regione");
		assertThatThrownBy(() -> this.actions.claim(taskId, "bo-hub")).isInstanceOf(TaskConflictException.class)
			.satisfies((ex) -> {
				assertThat(((TaskConflictException) ex).code()).isEqualTo("task.claimed-by-other");
				assertThat(((TaskConflictException) ex).detail()).isEqualTo("bo-regione");
			});
		assertThatThrownBy(() -> this.actions.complete(taskId, "bo-inps", Map.of()))
			.isInstanceOf(TaskConflictException.class)
			.hasMessageContaining("task.gone");
		leaveOffice("bo-hub", "regione-bo");
	}

	private void joinOffice(String user, String office) {
		this.jdbc.update(
				"INSERT INTO ACT_ID_MEMBERSHIP (USER_ID_, GROUP_ID_) SELECT ?, ? FROM (SELECT 1 AS x) one "
						+ "WHERE NOT EXISTS (SELECT 1 FROM ACT_ID_MEMBERSHIP WHERE USER_ID_ = ? AND GROUP_ID_ = ?)",
				user, office, user, office);
	}

	private void leaveOffice(String user, String office) {
		this.jdbc.update("DELETE FROM ACT_ID_MEMBERSHIP WHERE USER_ID_ = ? AND GROUP_ID_ = ?", user, office);
	}

	@Test
	void invalidFormDataIsRefusedOnTheServerAndTheTaskStaysOpen() {
		String taskId = forwardedTask("PENSION", null);
		Map<String, Object> forged = new HashMap<>(Map.of("boOutcome", "DELETE_CASE", "answer", "x"));
		assertThatThrownBy(() -> this.actions.complete(taskId, "bo-inps", forged))
			.isInstanceOf(FormRejectedException.class)
			.satisfies((ex) -> assertThat(((FormRejectedException) ex).errors())
				.extracting((error) -> error.key() + ":" + error.code())
				.containsExactlyInAnyOrder("boOutcome:allowed", "answer:minLength"));
		assertThat(this.engineTasks.createTaskQuery().taskId(taskId).count()).isOne();
		assertThat(this.engineTasks.getVariable(taskId, "boOutcome")).isNull();

		// a code of the right shape that is no administration of the network, or the
		// official's own: a message on the field, not an engine error
		for (String target : List.of("NOWHERE", "INPS")) {
			Map<String, Object> unknown = new HashMap<>(
					Map.of("boOutcome", "TRANSFER", "answer", "Altra amministrazione", "transferTo", target));
			assertThatThrownBy(() -> this.actions.complete(taskId, "bo-inps", unknown))
				.isInstanceOf(FormRejectedException.class)
				.satisfies((ex) -> assertThat(((FormRejectedException) ex).errors())
					.extracting((error) -> error.key() + ":" + error.code())
					.containsExactly("transferTo:allowed"));
		}
		assertThat(this.engineTasks.createTaskQuery().taskId(taskId).count()).isOne();

		String caseId = this.actions.caseOf(taskId).orElseThrow();
		Map<String, Object> transfer = new HashMap<>(Map.of("boOutcome", "TRANSFER", "answer", "Competenza del Comune",
				"transferTo", "COMUNE-AQ", "injected", "${danger}"));
		this.actions.complete(taskId, "bo-inps", transfer);
		assertThat(this.engineTasks.createTaskQuery().taskId(taskId).count()).isZero();
		// the transfer happened: the Comune's back office now has the case
		assertThat(this.jdbc.queryForObject("SELECT office_group_id FROM spt_task WHERE case_id = ?", String.class,
				caseId))
			.isEqualTo("comune-aq-bo");
		// keys the form does not have never reach the engine
		assertThat(
				this.jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE NAME_ = 'injected'", Integer.class))
			.isZero();
	}

	@Test
	void assignDelegateResolveAndFollowUpStayWithinTheOffice() {
		String taskId = forwardedTask("PENSION", null);
		assertThatThrownBy(() -> this.actions.assign(taskId, "bo-inps", "bo-comune"))
			.isInstanceOf(TaskConflictException.class)
			.hasMessageContaining("not-a-colleague");
		assertThat(this.actions.colleaguesFor(taskId)).contains("bo-inps").doesNotContain("bo-comune");
		this.actions.claim(taskId, "bo-inps");
		this.actions.followUp(taskId, "bo-inps", Instant.parse("2026-12-01T09:00:00Z"));
		assertThat(this.engineTasks.createTaskQuery().taskId(taskId).singleResult().getFollowUpDate()).isNotNull();
		assertThatThrownBy(() -> this.actions.unclaim(taskId, "supervisor1")).isInstanceOf(TaskConflictException.class);
		this.actions.unclaim(taskId, "bo-inps");
		assertThat(this.engineTasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
	}

	@Test
	void inboxTabsAndFiltersFindTheRightTasks() {
		String taskId = forwardedTask("GAS_CONNECTION", "L'Aquila");
		String code = this.jdbc.queryForObject(
				"SELECT c.tracking_code FROM spt_case c JOIN spt_task t ON t.case_id = c.id WHERE t.task_id = ?",
				String.class, taskId);
		List<InboxItem> offices = this.inbox.page(InboxTab.OFFICES, "bo-comune", InboxFilter.none(), InboxSort.SLA, 0,
				500);
		assertThat(offices).extracting(InboxItem::taskId).contains(taskId);
		InboxItem item = offices.stream().filter((i) -> i.taskId().equals(taskId)).findFirst().orElseThrow();
		assertThat(item.trackingCode()).isEqualTo(code);
		assertThat(item.sla()).isEqualTo(SlaState.ON_TRACK);
		assertThat(item.slaLeft()).isPositive();
		assertThat(item.citizenName()).isEqualTo("Carla Blu");

		InboxFilter byCode = new InboxFilter(null, null, null, null, null, code.toLowerCase());
		assertThat(this.inbox.page(InboxTab.OFFICES, "bo-comune", byCode, InboxSort.SLA, 0, 50))
			.extracting(InboxItem::taskId)
			.containsExactly(taskId);
		InboxFilter byName = new InboxFilter("GAS_CONNECTION", "PHONE", SlaState.ON_TRACK, null, "COMUNE-AQ", "carla");
		assertThat(this.inbox.page(InboxTab.OFFICES, "bo-comune", byName, InboxSort.NEWEST, 0, 50))
			.extracting(InboxItem::taskId)
			.contains(taskId);
		assertThat(this.inbox.count(InboxTab.OFFICES, "bo-comune",
				new InboxFilter(null, null, SlaState.BREACHED, null, null, code)))
			.isZero();
		assertThat(this.inbox.page(InboxTab.OFFICES, "bo-inps", byCode, InboxSort.SLA, 0, 50)).isEmpty();

		this.actions.claim(taskId, "bo-comune");
		assertThat(this.inbox.page(InboxTab.MINE, "bo-comune", byCode, InboxSort.SLA, 0, 50)).hasSize(1);
		assertThat(this.inbox.page(InboxTab.OFFICES, "bo-comune", byCode, InboxSort.SLA, 0, 50)).isEmpty();
		assertThat(this.inbox.page(InboxTab.OFFICES_ALL, "bo-comune", byCode, InboxSort.SLA, 0, 50)).hasSize(1);
		// the network's supervisor sees every task of the offices they supervise (those
		// naming no supervisor group of their own), claimed or not
		assertThat(this.inbox.page(InboxTab.OFFICES_ALL, "supervisor1", byCode, InboxSort.SLA, 0, 50)).hasSize(1);
		assertThat(this.inbox.count(InboxTab.OFFICES_ALL, "supervisor1", byCode)).isOne();
		assertThat(this.inbox.page(InboxTab.OFFICES, "supervisor1", byCode, InboxSort.SLA, 0, 50)).isEmpty();

		// a colleague of the same office takes it over by delegation and gives it back
		joinOffice("bo-hub", "comune-aq-bo");
		this.actions.delegate(taskId, "bo-comune", "bo-hub");
		assertThat(this.inbox.page(InboxTab.DELEGATED, "bo-hub", byCode, InboxSort.SLA, 0, 50)).hasSize(1);
		assertThatThrownBy(() -> this.actions.complete(taskId, "bo-hub", Map.of()))
			.isInstanceOf(TaskConflictException.class);
		this.actions.resolveDelegation(taskId, "bo-hub",
				new HashMap<>(Map.of("boOutcome", "ANSWER", "answer", "Allaccio programmato")));
		Task back = this.engineTasks.createTaskQuery().taskId(taskId).singleResult();
		assertThat(back.getDelegationState()).isEqualTo(DelegationState.RESOLVED);
		assertThat(back.getAssignee()).isEqualTo("bo-comune");
		leaveOffice("bo-hub", "comune-aq-bo");
	}

	/**
	 * The front office's call-back (forms/closure.form) asks for the outcome class from
	 * the shared list the application offers it; the class chosen is the case's.
	 */
	@Test
	void theCallBackRecordsAnOutcomeClassFromTheSharedList() {
		String work = forwardedTask("HEALTH_BOOKING", "Sulmona");
		String code = this.engineTasks.createTaskQuery().taskId(work).singleResult().getProcessInstanceId();
		this.actions.complete(work, "bo-regione",
				Map.of("boOutcome", "BACK_TO_FRONT_OFFICE", "answer", "Richiamare: prenotazione fatta"));
		String callback = this.engineTasks.createTaskQuery()
			.processInstanceId(code)
			.taskDefinitionKey("frontOfficeCallback")
			.singleResult()
			.getId();
		assertThat(this.actions.form(callback, "fo1", java.util.Locale.ENGLISH).orElseThrow().input())
			.extractingByKey("outcomeClasses")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.contains(Map.of("label", "Information given", "value", "INFORMATION_GIVEN"));
		Map<String, Object> closing = Map.of("citizenReached", true, "closureNote", "Cittadino richiamato");
		assertThatThrownBy(() -> this.actions.complete(callback, "fo1", closing))
			.isInstanceOf(FormRejectedException.class)
			.satisfies(
					(ex) -> assertThat(((FormRejectedException) ex).errors()).extracting(FormValidator.FieldError::key)
						.containsExactly("outcomeClass"));
		Map<String, Object> unknown = new java.util.HashMap<>(closing);
		unknown.put("outcomeClass", "MADE_UP");
		assertThatThrownBy(() -> this.actions.complete(callback, "fo1", unknown))
			.isInstanceOf(FormRejectedException.class);
		Map<String, Object> classified = new java.util.HashMap<>(closing);
		classified.put("outcomeClass", "SERVICE_DELIVERED");
		this.actions.complete(callback, "fo1", classified);
		assertThat(this.jdbc.queryForObject("SELECT c.outcome_class FROM spt_case c JOIN ACT_HI_PROCINST p"
				+ " ON p.BUSINESS_KEY_ = c.tracking_code WHERE p.ID_ = ?", String.class, code))
			.isEqualTo("SERVICE_DELIVERED");
	}

	private String forwardedTask(String topic, String municipality) {
		OpenedCase opened = this.intake.open(
				new IntakeRequest(Channel.PHONE, topic, "Richiesta per il back office", municipality,
						new IntakeRequest.Citizen("Carla Blu", null, "carla@example.org", false, "it"), Set.of()),
				"fo1");
		this.intake.forward(opened.trackingCode(), "Al back office", "fo1");
		return this.engineTasks.createTaskQuery()
			.processInstanceBusinessKey(opened.trackingCode())
			.taskDefinitionKey("backOfficeWork")
			.list()
			.get(0)
			.getId();
	}

}
