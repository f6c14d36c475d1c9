package org.sportello;

import org.sportello.support.H2ApplicationTest;

/** The foundation contract on the embedded H2 database. */
@H2ApplicationTest
class H2ApplicationTests extends ApplicationContractTests {

	@Override
	protected boolean jobExecutorRuns() {
		return false;
	}

}
