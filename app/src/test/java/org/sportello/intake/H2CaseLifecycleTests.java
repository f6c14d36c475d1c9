package org.sportello.intake;

import org.sportello.support.H2ApplicationTest;

@H2ApplicationTest
class H2CaseLifecycleTests extends CaseLifecycleContractTests {

}
