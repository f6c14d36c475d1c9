package org.sportello.reporting;

import org.sportello.support.MariaDbApplicationTest;

@MariaDbApplicationTest
class MariaDbReportsTests extends ReportsContractTests {

}
