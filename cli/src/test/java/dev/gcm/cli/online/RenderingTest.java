package dev.gcm.cli.online;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gcm.cli.output.Terminal;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** How the online commands render what the planner answers, including fields only newer planners give. */
class RenderingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String render(Output form, java.util.function.Consumer<Printer> print) {
        StringWriter out = new StringWriter();
        Printer printer = new Printer(new PrintWriter(out), new PrintWriter(new StringWriter()), form, true,
                new Terminal(false, 80));
        print.accept(printer);
        printer.out().flush();
        return out.toString();
    }

    @Test
    void limitsAreGroupedByCauseAndWideNamesEveryHost() throws Exception {
        StringBuilder hosts = new StringBuilder("[");
        for (int i = 1; i <= 30; i++) {
            hosts.append(i == 1 ? "" : ",").append("{\"host\":\"h").append(i)
                    .append("\",\"definition\":\"gen15a\",\"capsGeneration\":false,\"capsIbc\":false,\"removes\":[\"vxeh2\"]}");
        }
        JsonNode limits = JSON.readTree(hosts.append("]").toString());
        String table = render(Output.TABLE, p -> GcmText.limits(p, "Limited by:", limits));
        assertThat(table).contains("30 hosts lack vxeh2").contains("and 22 more").doesNotContain("h30,");
        assertThat(table.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
        String wide = render(Output.WIDE, p -> GcmText.limits(p, "Limited by:", limits));
        assertThat(wide).contains("h30").doesNotContain("more");
    }

    @Test
    void aReasonIsGivenWithItsCodeMessageAndFeatures() throws Exception {
        JsonNode guest = JSON.readTree("{\"guest\":\"vm1\",\"host\":\"h1\",\"reasons\":[{\"code\":\"MISSING_FEATURES\","
                + "\"message\":\"host 'new-1' lacks 2 feature(s) the guest uses\",\"features\":[\"te\",\"cte\"]}]}");
        assertThat(Reasons.text(guest, false))
                .isEqualTo("MISSING_FEATURES: host 'new-1' lacks 2 feature(s) the guest uses (te, cte)");
        assertThat(Reasons.text(JSON.readTree("{\"guest\":\"vm1\",\"reason\":\"no other host runs z14\"}"), false))
                .isEqualTo("no other host runs z14");
        assertThat(Reasons.text(JSON.readTree("{\"guest\":\"vm1\"}"), false)).isEqualTo("-");
    }
}
