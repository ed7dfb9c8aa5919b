package dev.gcm.test.differential;

import dev.gcm.test.support.QemuOracles;
import org.junit.jupiter.api.AfterAll;

/** A differential test class: its QEMU oracles start when first asked for and stop after the class. */
abstract class OracleTest {

    static final QemuOracles ORACLES = new QemuOracles();

    @AfterAll
    static void stopQemu() {
        ORACLES.close();
    }
}
