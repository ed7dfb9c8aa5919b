package dev.gcm.hypervisor.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.json.InvalidJsonException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Every string and list of a host record has a bound, and ids, names and labels hold no control characters. */
class RecordBoundsTest {

    private static final HostRecordValidator VALIDATOR = new HostRecordValidator(Catalog.load());

    /** The good record as JSON, changed, read and validated: the violations' fields (empty when valid). */
    private static List<String> fields(Consumer<ObjectNode> change) {
        ObjectNode json = HostRecordJson.mapper().valueToTree(HostRecordValidatorTest.good());
        change.accept(json);
        HostRecord r = HostRecordJson.read(json.toString().getBytes(StandardCharsets.UTF_8));
        InvalidHostRecordException e = catchThrowableOfType(InvalidHostRecordException.class, () -> VALIDATOR.validate(r));
        return e == null ? List.of() : e.violations().stream().map(InvalidHostRecordException.Violation::field).toList();
    }

    @Test
    void theIssuesOversizedFieldsAreRefused() {
        assertThat(fields(j -> j.put("agentVersion", "x".repeat(1_000_000)))).containsExactly("$.agentVersion");
        assertThat(fields(j -> {
            ArrayNode defs = ((ObjectNode) j.get("hypervisor")).putArray("cpuDefinitions");
            for (int i = 0; i < 100_000; i++) {
                defs.add("z14-base");
            }
        })).containsExactly("$.hypervisor.cpuDefinitions");
        assertThat(fields(j -> ((ObjectNode) j.get("hypervisor")).put("kernelRelease", "6".repeat(257))))
                .containsExactly("$.hypervisor.kernelRelease");
        assertThat(fields(j -> ((ObjectNode) j.get("hypervisor")).put("qemuVersion", "7".repeat(65))))
                .containsExactly("$.hypervisor.qemuVersion");
        assertThat(fields(j -> ((ObjectNode) j.get("guests").get(0)).put("name", "g".repeat(257))))
                .containsExactly("$.guests[0].name");
        assertThat(fields(j -> {
            ObjectNode labels = j.putObject("labels");
            for (int i = 0; i <= Labels.MAX_LABELS; i++) {
                labels.put("k" + i, "v");
            }
        })).containsExactly("$.labels");
        assertThat(fields(j -> {
            ArrayNode hard = ((ObjectNode) j.get("facilities")).putArray("hard");
            for (int i = 0; i <= RecordBounds.MAX_FACILITIES; i++) {
                hard.add(1);
            }
        })).containsExactly("$.facilities.hard");
        assertThat(fields(j -> {
            ObjectNode props = ((ObjectNode) j.get("hostModel")).putObject("props");
            for (int i = 0; i <= RecordBounds.MAX_PROPS; i++) {
                props.put("f" + i, true);
            }
        })).containsExactly("$.hostModel.props");
    }

    @Test
    void controlFormatAndBidiCharactersAreRefusedInNamesAndIds() {
        for (String bad : List.of("web\u0000", "web\n1", "web\u202e1", "web\u200b", "\u001b[31mred", "a\u2028b")) {
            assertThat(fields(j -> ((ObjectNode) j.get("guests").get(0)).put("name", bad))).as(bad)
                    .containsExactly("$.guests[0].name");
            assertThat(fields(j -> j.put("bootId", bad))).as(bad).containsExactly("$.bootId");
            assertThat(fields(j -> j.put("agentVersion", bad))).as(bad).containsExactly("$.agentVersion");
            assertThat(fields(j -> j.put("hostId", bad))).as(bad).containsExactly("$.hostId");
            assertThat(fields(j -> j.putObject("labels").put("zone", bad))).as(bad).containsExactly("$.labels.zone");
        }
        assertThat(fields(j -> ((ObjectNode) j.get("guests").get(0)).put("name", "web 1 (prod) é"))).isEmpty();
        assertThat(Text.printable("x\ud800")).as("a lone surrogate").isFalse();
        assertThat(Text.printable("emoji \ud83d\ude00")).isTrue();
    }

    @Test
    void labelKeysAreKubernetesLabelKeys() {
        for (String good : List.of("zone", "gcm.dev/rack", "a.b-c.d/x_y.z", "x".repeat(63),
                "a".repeat(63) + "." + "b".repeat(63) + "/n")) {
            assertThat(Labels.validKey(good)).as(good).isTrue();
            assertThat(fields(j -> j.putObject("labels").put(good, "v"))).as(good).isEmpty();
        }
        for (String bad : List.of("", "/x", "x/", "-x", "x-", "x".repeat(64), "UPPER.dev/x", "a..b/x", "-a.b/x",
                "a/b/c", "a".repeat(254) + "/x", "a b", "ü", "k\u202e")) {
            assertThat(Labels.validKey(bad)).as(bad).isFalse();
        }
        assertThat(fields(j -> j.putObject("labels").put("Bad Key", "v"))).containsExactly("$.labels");
        assertThat(Labels.validValue("")).isTrue();
        assertThat(Labels.validValue("v".repeat(64))).isFalse();
    }

    @Test
    void anAnswerListsTheFirstFiftyViolationsAndCountsThemAll() {
        HostRecord r = HostRecordJson.read(HostRecordJson.write(HostRecordValidatorTest.good())
                .replace("\"hard\":[0,1,2]", "\"hard\":[" + "-1,".repeat(999) + "-1]").getBytes(StandardCharsets.UTF_8));
        InvalidHostRecordException e = catchThrowableOfType(InvalidHostRecordException.class, () -> VALIDATOR.validate(r));
        assertThat(e.count()).isEqualTo(1000);
        assertThat(e.violations()).hasSize(InvalidHostRecordException.MAX_LISTED);
        assertThat(e.getMessage()).endsWith("and 950 more").hasSizeLessThan(4000);
    }

    @Test
    void duplicateKeysNullAndDeepNestingAreRefusedByTheReader() {
        String json = HostRecordJson.write(HostRecordValidatorTest.good());
        assertThat(catchThrowableOfType(InvalidJsonException.class, () -> HostRecordJson.read(
                json.replace("\"seq\":7", "\"seq\":7,\"seq\":8").getBytes(StandardCharsets.UTF_8))).getMessage())
                .contains("Duplicate field 'seq'");
        assertThat(catchThrowableOfType(InvalidJsonException.class, () -> HostRecordJson.read(
                "null".getBytes(StandardCharsets.UTF_8))).field()).isEqualTo("$");
        String deep = "[".repeat(1000) + "]".repeat(1000);
        assertThat(catchThrowableOfType(InvalidJsonException.class, () -> HostRecordJson.read(
                json.replace("\"seq\":7", "\"seq\":7,\"x\":" + deep).getBytes(StandardCharsets.UTF_8)))).isNotNull();
        assertThat(catchThrowableOfType(InvalidJsonException.class, () -> HostRecordJson.read(
                ("{\"labels\":" + "{\"a\":".repeat(1000) + "1" + "}".repeat(1001)).getBytes(StandardCharsets.UTF_8))))
                .isNotNull();
    }
}
