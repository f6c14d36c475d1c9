package org.sportello.privacy;

import org.sportello.support.H2ApplicationTest;

@H2ApplicationTest
class H2RetentionTests extends RetentionContractTests {

}
