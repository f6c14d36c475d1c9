package org.sportello.intake;

import org.sportello.support.MariaDbApplicationTest;

@MariaDbApplicationTest
class MariaDbCaseLifecycleTests extends CaseLifecycleContractTests {

}
