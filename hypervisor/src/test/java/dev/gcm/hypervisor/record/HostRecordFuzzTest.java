package dev.gcm.hypervisor.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.json.InvalidJsonException;
import java.nio.charset.StandardCharsets;

/**
 * Any bytes as a host record (what every agent sends the planner): read and validated, they either give
 * a resolved host or fail with {@link InvalidJsonException} or {@link InvalidHostRecordException}, never
 * anything else (the planner would answer 500); a valid record is within its bounds and reads back from
 * its own JSON as itself. Seeds: HostRecordFuzzTestInputs; fuzzing: see hypervisor/README.md.
 */
class HostRecordFuzzTest {

    private static final HostRecordValidator VALIDATOR = new HostRecordValidator(Catalog.load());

    @FuzzTest(maxDuration = "5m")
    void readAndValidate(byte[] data) {
        HostRecord record;
        try {
            record = HostRecordJson.read(data);
        } catch (InvalidJsonException refused) {
            assertThat(refused.field()).startsWith("$");
            return;
        }
        ResolvedHost resolved;
        try {
            resolved = VALIDATOR.validate(record);
        } catch (InvalidHostRecordException refused) {
            assertThat(refused.violations()).isNotEmpty().hasSizeLessThanOrEqualTo(InvalidHostRecordException.MAX_LISTED);
            assertThat(refused.count()).isGreaterThanOrEqualTo(refused.violations().size());
            return;
        }
        assertThat(record.guests()).hasSizeLessThanOrEqualTo(RecordBounds.MAX_GUESTS);
        assertThat(resolved.guestModels()).hasSize(record.guests().size());
        byte[] again = HostRecordJson.write(record).getBytes(StandardCharsets.UTF_8);
        assertThat(HostRecordJson.read(again)).isEqualTo(record);
    }
}
