package dev.gcm.hypervisor.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gcm.hypervisor.kvm.LinuxKvmVm;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The real KVM probe: here (not s390x) it must say clearly that it cannot run. */
class KvmProbeTest {

    @Test
    void saysWhyItCannotRunOffS390x() {
        assumeTrue(LinuxKvmVm.unavailableReason() != null, "this machine can run the KVM probe");
        ProbeException e = catchThrowableOfType(ProbeException.class,
                () -> KvmProbe.real(HypervisorProbeContract.CATALOG, Optional.empty()).probe());
        assertThat(e.isUnavailable()).isTrue();
        assertThat(e.getMessage()).contains("s390x");
    }
}
