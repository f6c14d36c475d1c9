package org.sportello;

import org.sportello.support.MariaDbApplicationTest;

/**
 * The foundation contract on MariaDB (Testcontainers, or the server of
 * SPORTELLO_TEST_MARIADB_URL).
 */
@MariaDbApplicationTest
class MariaDbApplicationTests extends ApplicationContractTests {

}
