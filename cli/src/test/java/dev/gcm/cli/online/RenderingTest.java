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

    @Test
    void decisionsNameTheMembersThatDidNotAnswerOnStderrAndStillListTheRest() throws Exception {
        JsonNode answer = DecisionsCommand.newestFirst(JSON.readTree("{\"decisions\":["
                + "{\"time\":\"2026-12-03T10:00:00Z\",\"decision\":\"approved\",\"guest\":\"vm1\",\"target\":\"h1\","
                + "\"reasons\":[]},{\"time\":\"2026-12-03T10:00:01Z\",\"decision\":\"rejected\",\"guest\":\"vm2\","
                + "\"target\":\"h2\",\"reasons\":[\"TARGET_CORDONED\"]}],"
                + "\"unansweredMembers\":[\"10.0.0.3:5701\",\"10.0.0.4:5701\"]}"));
        for (Output form : new Output[] {Output.TABLE, Output.JSON}) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Printer printer = new Printer(new PrintWriter(out), new PrintWriter(err), form, true, new Terminal(false, 120));
            DecisionsCommand.print(printer, answer);
            printer.out().flush();
            assertThat(err.toString()).as(form.name())
                    .contains("2 planner member(s) did not answer").contains("10.0.0.3:5701").contains("10.0.0.4:5701");
            assertThat(out.toString()).as(form.name()).contains("vm1").contains("vm2").doesNotContain("did not answer");
            assertThat(out.toString().indexOf("vm2")).as("newest first").isLessThan(out.toString().indexOf("vm1"));
        }
        StringWriter quiet = new StringWriter();
        Printer printer = new Printer(new PrintWriter(new StringWriter()), new PrintWriter(quiet), Output.TABLE, true,
                new Terminal(false, 120));
        DecisionsCommand.print(printer, JSON.readTree("{\"decisions\":[],\"unansweredMembers\":[]}"));
        assertThat(quiet.toString()).isEmpty();
    }
}
