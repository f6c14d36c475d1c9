package org.sportello.privacy;

import org.sportello.support.MariaDbApplicationTest;

@MariaDbApplicationTest
class MariaDbRetentionTests extends RetentionContractTests {

}
