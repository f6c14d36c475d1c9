package org.sportello.reporting;

import org.sportello.support.H2ApplicationTest;

@H2ApplicationTest
class H2ReportsTests extends ReportsContractTests {

}
