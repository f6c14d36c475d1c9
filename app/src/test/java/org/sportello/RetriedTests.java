package org.sportello;

import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DeadlockLoserDataAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A transaction the database gave up is run again; anything else is not. */
class RetriedTests {

	@Test
	void aDeadlockIsRunAgainAndTheSecondAttemptAnswers() {
		AtomicInteger attempts = new AtomicInteger();
		String answer = Retried.onDeadlock("test", () -> {
			if (attempts.incrementAndGet() == 1) {
				throw new DeadlockLoserDataAccessException("Deadlock found",
						new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213));
			}
			return "opened";
		});
		assertThat(answer).isEqualTo("opened");
		assertThat(attempts).hasValue(2);
	}

	/** The engine wraps what a listener's statement threw. */
	@Test
	void aDeadlockWrappedByTheEngineIsRecognised() {
		AtomicInteger attempts = new AtomicInteger();
		assertThatThrownBy(() -> Retried.onDeadlock("test", () -> {
			attempts.incrementAndGet();
			throw new ProcessEngineException("Exception while invoking TaskListener",
					new DeadlockLoserDataAccessException("Deadlock found", null));
		})).isInstanceOf(ProcessEngineException.class);
		assertThat(attempts).hasValue(Retried.ATTEMPTS);
	}

	@Test
	void otherFailuresAreNotRunAgain() {
		AtomicInteger attempts = new AtomicInteger();
		assertThatThrownBy(() -> Retried.onDeadlock("test", () -> {
			attempts.incrementAndGet();
			throw new DataIntegrityViolationException("duplicate");
		})).isInstanceOf(DataIntegrityViolationException.class);
		assertThat(attempts).hasValue(1);
		assertThat(Retried.isTransient(new IllegalStateException("no", new RuntimeException()))).isFalse();
	}

}
